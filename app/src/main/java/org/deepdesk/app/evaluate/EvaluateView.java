package org.deepdesk.app.evaluate;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.deepdesk.engine.eval.EvaluationReport;
import org.deepdesk.i18n.Messages;

/**
 * The Evaluate view: test accuracy, the confusion matrix, per-class metrics and a gallery of the
 * test images behind a chosen cell (or the most confidently wrong ones).
 */
public final class EvaluateView extends BorderPane {

    private final EvaluateViewModel model;
    private final Messages messages;
    private final StackPane matrixHolder = new StackPane();
    private final ClassMetricsTable metrics;
    private final SampleGallery gallery = new SampleGallery();
    private final Label accuracy = new Label();
    private final Label galleryTitle = new Label();
    private final ChangeListener<EvaluationReport> reportListener = (observable, old, report) -> showReport(report);
    private final ChangeListener<EvaluateViewModel.Cell> cellListener = (observable, old, cell) -> showGallery();

    public EvaluateView(EvaluateViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        this.metrics = new ClassMetricsTable(messages);
        metrics.setAccessibleText(messages.get("evaluate.metrics.accessible"));
        getStyleClass().add("evaluate-view");
        setPadding(new Insets(12));

        setTop(toolbar());
        setCenter(content());
        model.reportProperty().addListener(reportListener);
        model.selectedCellProperty().addListener(cellListener);
        showReport(model.reportProperty().get());
    }

    /** Detaches this view from the model, so a replaced view stops listening. */
    public void dispose() {
        model.reportProperty().removeListener(reportListener);
        model.selectedCellProperty().removeListener(cellListener);
    }

    private HBox toolbar() {
        Button evaluate = new Button(messages.get("evaluate.run"));
        evaluate.setId("evaluateButton");
        evaluate.disableProperty().bind(model.networkProperty().isNull().or(model.runningProperty()));
        evaluate.setOnAction(event -> model.evaluate());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setAccessibleText(messages.get("evaluate.busy.accessible"));
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.runningProperty());
        accuracy.setId("evaluateAccuracy");
        accuracy.getStyleClass().add("result");
        Label error = new Label();
        error.getStyleClass().add("network-problem");
        error.textProperty().bind(Bindings.createStringBinding(
                () -> model.errorProperty().get() == null ? "" : messages.format(model.errorProperty().get()), model.errorProperty()));

        HBox bar = new HBox(10, evaluate, busy, accuracy, error);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        return bar;
    }

    private HBox content() {
        Label matrixTitle = new Label(messages.get("evaluate.matrix"));
        matrixTitle.getStyleClass().add("section-title");
        Label axes = new Label(messages.get("evaluate.matrixAxes"));
        axes.setWrapText(true);
        matrixHolder.setAlignment(Pos.TOP_LEFT);
        VBox left = new VBox(6, matrixTitle, axes, matrixHolder);
        left.setMinWidth(460);
        left.setMaxWidth(460);

        galleryTitle.getStyleClass().add("section-title");
        ScrollPane galleryScroll = new ScrollPane(gallery);
        galleryScroll.setFitToWidth(true);
        galleryScroll.setPrefHeight(320);
        VBox.setVgrow(galleryScroll, Priority.SOMETIMES);
        Label metricsTitle = new Label(messages.get("evaluate.metrics"));
        metricsTitle.getStyleClass().add("section-title");
        metrics.setMinHeight(150);
        VBox.setVgrow(metrics, Priority.ALWAYS);
        VBox right = new VBox(6, galleryTitle, galleryScroll, metricsTitle, metrics);
        HBox.setHgrow(right, Priority.ALWAYS);

        return new HBox(16, left, right);
    }

    private void showReport(EvaluationReport report) {
        if (report == null) {
            matrixHolder.getChildren().setAll(new Label(messages.get(
                    model.networkProperty().get() == null ? "draw.hint.trainFirst" : "evaluate.hint")));
            accuracy.setText("");
            metrics.show(List.of());
            showGallery();
            return;
        }
        accuracy.setText(messages.format("evaluate.accuracy", report.summary().accuracy() * 100, report.summary().sampleCount()));
        matrixHolder.getChildren().setAll(new ConfusionMatrixView(report.summary().confusion(), messages,
                (actual, predicted) -> model.selectedCellProperty().set(new EvaluateViewModel.Cell(actual, predicted))));
        metrics.show(report.classMetrics());
        showGallery();
    }

    private void showGallery() {
        EvaluateViewModel.Cell cell = model.selectedCellProperty().get();
        galleryTitle.setText(cell == null
                ? messages.get("evaluate.galleryWrong")
                : messages.format("evaluate.galleryCell", cell.actual(), cell.predicted()));
        gallery.show(model.gallery(), model.testSetProperty().get(), messages);
    }
}
