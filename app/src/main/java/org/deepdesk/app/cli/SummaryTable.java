package org.deepdesk.app.cli;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.Shape;

/** Prints a network as a table of layers with their output shapes and parameter counts. */
final class SummaryTable {

    private static final String COLUMN_GAP = "  ";

    private SummaryTable() {
    }

    static void print(NetworkSpec network, NetworkSummary summary, Console console) {
        NumberFormat counts = NumberFormat.getIntegerInstance(console.messages().locale());
        String unknownShape = console.text("cli.summary.unknownShape");

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "#",
            console.text("cli.summary.column.layer"),
            console.text("cli.summary.column.output"),
            console.text("cli.summary.column.parameters")});
        for (LayerSummary layer : summary.layers()) {
            rows.add(new String[] {
                Integer.toString(layer.index() + 1),
                layer.layer().typeName(),
                layer.output().map(Shape::toString).orElse(unknownShape),
                counts.format(layer.parameters())});
        }

        console.println("cli.summary.title", network.name(), network.input());
        int[] widths = columnWidths(rows);
        for (String[] row : rows) {
            console.out().println(formatRow(row, widths));
        }
        console.println("cli.summary.total", summary.totalParameters());
    }

    private static int[] columnWidths(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        return widths;
    }

    /** Left-aligns the text columns and right-aligns the first and last, which hold numbers. */
    private static String formatRow(String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < row.length; column++) {
            if (column > 0) {
                line.append(COLUMN_GAP);
            }
            boolean numeric = column == 0 || column == row.length - 1;
            String padding = " ".repeat(widths[column] - row[column].length());
            line.append(numeric ? padding + row[column] : row[column] + padding);
        }
        return line.toString().stripTrailing();
    }
}
