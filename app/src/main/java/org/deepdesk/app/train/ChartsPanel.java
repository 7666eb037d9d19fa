package org.deepdesk.app.train;

import java.io.File;
import java.nio.file.Path;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;
import org.jfree.chart.JFreeChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The loss and accuracy charts with their toolbar: smoothing, log scale and exports. */
final class ChartsPanel extends VBox {

    private static final Logger LOG = LoggerFactory.getLogger(ChartsPanel.class);

    private final TrainViewModel model;
    private final Messages messages;
    private final TrainingChart loss;
    private final TrainingChart accuracy;

    ChartsPanel(TrainViewModel model, Messages messages, String fontFamily) {
        super(6);
        this.model = model;
        this.messages = messages;
        loss = new TrainingChart("chart.loss", "chart.axis.loss", model.curves().loss(), messages, fontFamily);
        loss.viewer().setId("lossChart");
        accuracy = new TrainingChart("chart.accuracy", "chart.axis.accuracy", model.curves().accuracy(), messages, fontFamily);
        accuracy.viewer().setId("accuracyChart");

        model.bestEpochProperty().addListener((observable, old, epoch) -> markBestEpoch(epoch.intValue()));
        markBestEpoch(model.bestEpochProperty().get());

        VBox.setVgrow(loss.viewer(), Priority.ALWAYS);
        VBox.setVgrow(accuracy.viewer(), Priority.ALWAYS);
        getChildren().addAll(toolbar(), new ChartSummary(model.curves(), messages), loss.viewer(), accuracy.viewer());
        // A screen reader cannot read a drawn chart: the canvas gets the chart's title, and the
        // summary label above the charts carries the numbers.
        loss.viewer().getCanvas().setAccessibleText(messages.get("chart.loss"));
        accuracy.viewer().getCanvas().setAccessibleText(messages.get("chart.accuracy"));
    }

    private FlowPane toolbar() {
        Label smoothingLabel = new Label(messages.get("chart.smoothing"));
        Slider smoothing = new Slider(0, 0.99, 0);
        smoothing.setId("smoothing");
        smoothing.setPrefWidth(110);
        smoothing.setTooltip(new Tooltip(messages.get("chart.smoothing.help")));
        smoothingLabel.setLabelFor(smoothing);
        // Redrawing every batch point on each slider tick is cheap next to a chart repaint.
        smoothing.valueProperty().addListener((observable, old, value) -> model.curves().setSmoothing(value.doubleValue()));

        CheckBox logScale = new CheckBox(messages.get("chart.logScale"));
        logScale.setId("logScale");
        logScale.selectedProperty().addListener((observable, old, selected) -> loss.setLogScale(selected));

        Button lossPng = exportButton("exportLossPng", "chart.exportLoss", () -> savePng(loss.chart(), "loss.png"));
        Button accuracyPng = exportButton("exportAccuracyPng", "chart.exportAccuracy", () -> savePng(accuracy.chart(), "accuracy.png"));
        Button csv = exportButton("exportHistoryCsv", "chart.exportCsv", this::saveCsv);
        csv.disableProperty().bind(model.networkProperty().isNull());

        Label hint = new Label(messages.get("chart.zoomHint"));
        hint.getStyleClass().add("hint");

        // A flow pane wraps the hint to a second line instead of cutting labels short on small screens.
        FlowPane toolbar = new FlowPane(8, 4, smoothingLabel, smoothing, logScale, lossPng, accuracyPng, csv, hint);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        for (Node node : toolbar.getChildren()) {
            if (node instanceof Control control) {
                control.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return toolbar;
    }

    private Button exportButton(String id, String key, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private void markBestEpoch(int epoch) {
        loss.markBestEpoch(epoch);
        accuracy.markBestEpoch(epoch);
    }

    private void savePng(JFreeChart chart, String suggestedName) {
        File file = chooseFile(suggestedName, "chart.pngType", "*.png");
        if (file != null) {
            run(TrainExport.png(chart, file.toPath()), file);
        }
    }

    private void saveCsv() {
        File file = chooseFile("history.csv", "chart.csvType", "*.csv");
        if (file != null && model.networkProperty().get() != null) {
            run(TrainExport.csv(model.networkProperty().get().history(), file.toPath()), file);
        }
    }

    private File chooseFile(String suggestedName, String typeKey, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get(typeKey), pattern));
        return chooser.showSaveDialog(getScene().getWindow());
    }

    private void run(Task<Path> export, File target) {
        export.setOnSucceeded(event -> model.reportStatus(Message.of("chart.exported", export.getValue())));
        export.setOnFailed(event -> {
            LOG.warn("Export to {} failed", target, export.getException());
            model.reportError(Message.of("chart.exportFailed", target, String.valueOf(export.getException().getMessage())));
        });
        model.background().submit(export);
    }
}
