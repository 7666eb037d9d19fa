package org.deepdesk.app.evaluate;

import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.deepdesk.i18n.Messages;

/**
 * A confusion-matrix heatmap: rows are the true classes, columns the predicted ones. A cell's
 * colour is its share of the row on a square-root scale, so the few mistakes stay visible next
 * to the large diagonal. Clicking a cell reports its row and column.
 */
final class ConfusionMatrixView extends GridPane {

    private static final double CELL_SIZE = 40;

    ConfusionMatrixView(int[][] confusion, Messages messages, BiConsumer<Integer, Integer> onCellClicked) {
        getStyleClass().add("confusion-matrix");
        setHgap(1);
        setVgap(1);
        int classCount = confusion.length;

        for (int predicted = 0; predicted < classCount; predicted++) {
            add(header(Integer.toString(predicted)), predicted + 1, 0);
        }
        for (int actual = 0; actual < classCount; actual++) {
            add(header(Integer.toString(actual)), 0, actual + 1);
            int rowTotal = 0;
            for (int count : confusion[actual]) {
                rowTotal += count;
            }
            for (int predicted = 0; predicted < classCount; predicted++) {
                int count = confusion[actual][predicted];
                double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
                add(cell(actual, predicted, count, share, messages, onCellClicked), predicted + 1, actual + 1);
            }
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.setMinSize(CELL_SIZE, CELL_SIZE);
        label.setAlignment(Pos.CENTER);
        label.getStyleClass().add("matrix-header");
        return label;
    }

    private static Button cell(int actual, int predicted, int count, double share, Messages messages,
            BiConsumer<Integer, Integer> onCellClicked) {
        Color colour = Viridis.at(Math.sqrt(share));
        Button button = new Button(Integer.toString(count));
        button.setId("cell-" + actual + "-" + predicted);
        button.setMinSize(CELL_SIZE, CELL_SIZE);
        button.setMaxSize(CELL_SIZE, CELL_SIZE);
        // An inline style, because the theme's button background would win over setBackground().
        button.setStyle("-fx-background-color: " + web(colour) + "; -fx-text-fill: " + web(Viridis.textOn(colour)) + ";");
        button.getStyleClass().add("matrix-cell");
        String description = messages.format("evaluate.cell", actual, predicted, count);
        button.setTooltip(new Tooltip(description));
        button.setAccessibleText(description);
        button.setOnAction(event -> onCellClicked.accept(actual, predicted));
        return button;
    }

    private static String web(Color colour) {
        return String.format("#%02x%02x%02x",
                Math.round(colour.getRed() * 255), Math.round(colour.getGreen() * 255), Math.round(colour.getBlue() * 255));
    }
}
