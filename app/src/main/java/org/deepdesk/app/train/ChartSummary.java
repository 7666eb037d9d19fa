package org.deepdesk.app.train;

import java.text.NumberFormat;
import javafx.scene.control.Label;
import org.deepdesk.i18n.Messages;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The latest epoch's numbers from the charts as one line of text. It is the charts' text
 * alternative for screen readers and a readable summary on a projector.
 */
final class ChartSummary extends Label {

    /** Series positions in {@link TrainingCurves}' collections: batch, training, validation. */
    private static final int TRAINING = 1;
    private static final int VALIDATION = 2;

    private final XYSeriesCollection loss;
    private final XYSeriesCollection accuracy;
    private final Messages messages;

    ChartSummary(TrainingCurves curves, Messages messages) {
        this.loss = curves.loss();
        this.accuracy = curves.accuracy();
        this.messages = messages;
        setId("chartSummary");
        getStyleClass().add("chart-summary");
        setWrapText(true);
        // The curves change on the FX thread, from the training task's progress updates.
        loss.addChangeListener(event -> update());
        accuracy.addChangeListener(event -> update());
        update();
    }

    private void update() {
        XYSeries trainingLoss = loss.getSeries(TRAINING);
        if (trainingLoss.isEmpty()) {
            setText(messages.get("chart.summary.none"));
        } else {
            int last = trainingLoss.getItemCount() - 1;
            NumberFormat decimal = NumberFormat.getNumberInstance(messages.locale());
            decimal.setMinimumFractionDigits(3);
            decimal.setMaximumFractionDigits(3);
            NumberFormat percent = NumberFormat.getPercentInstance(messages.locale());
            percent.setMaximumFractionDigits(1);
            setText(messages.format("chart.summary",
                    Math.round(trainingLoss.getX(last).doubleValue()),
                    lastValue(trainingLoss, decimal),
                    lastValue(loss.getSeries(VALIDATION), decimal),
                    lastValue(accuracy.getSeries(TRAINING), percent),
                    lastValue(accuracy.getSeries(VALIDATION), percent)));
        }
        setAccessibleText(getText());
    }

    private String lastValue(XYSeries series, NumberFormat format) {
        if (series.isEmpty()) {
            return messages.get("chart.summary.missing");
        }
        return format.format(series.getY(series.getItemCount() - 1).doubleValue());
    }
}
