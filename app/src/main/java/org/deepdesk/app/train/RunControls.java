package org.deepdesk.app.train;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.deepdesk.app.ErrorDialog;
import org.deepdesk.app.LogFolder;
import org.deepdesk.app.build.BuildViewModel;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;

/** Train, Pause or Resume, Stop, Reset, Restore best epoch and Retry, with progress, status and the last result. */
final class RunControls extends VBox {

    private final Messages messages;

    RunControls(TrainViewModel model, BuildViewModel build, Messages messages) {
        super(8);
        this.messages = messages;

        Button start = new Button(messages.get("train.start"));
        start.setId("startTraining");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.runningProperty().or(build.validProperty().not()));
        start.setOnAction(event -> model.start());

        Button pause = new Button();
        pause.setId("pauseTraining");
        pause.textProperty().bind(Bindings.when(model.pausedProperty())
                .then(messages.get("train.resume")).otherwise(messages.get("train.pause")));
        pause.disableProperty().bind(model.runningProperty().not());
        pause.setOnAction(event -> {
            if (model.pausedProperty().get()) {
                model.resume();
            } else {
                model.pause();
            }
        });

        Button stop = new Button(messages.get("train.stop"));
        stop.setId("stopTraining");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(event -> model.stop());

        Button reset = new Button(messages.get("train.reset"));
        reset.setId("resetWeights");
        reset.disableProperty().bind(model.runningProperty().or(model.networkProperty().isNull()));
        reset.setOnAction(event -> model.resetWeights());

        Button restoreBest = new Button(messages.get("train.restoreBest"));
        restoreBest.setId("restoreBestEpoch");
        restoreBest.setTooltip(new Tooltip(messages.get("train.restoreBest.help")));
        restoreBest.disableProperty().bind(model.runningProperty()
                .or(model.restoringProperty())
                .or(model.checkpointEpochProperty().isEqualTo(0)));
        restoreBest.setOnAction(event -> model.restoreBest());

        FlowPane buttons = new FlowPane(8, 8, start, pause, stop, reset, restoreBest);

        Label invalid = new Label(messages.get("train.invalidNetwork"));
        invalid.getStyleClass().add("network-problem");
        invalid.setWrapText(true);
        invalid.visibleProperty().bind(build.validProperty().not());
        invalid.managedProperty().bind(invalid.visibleProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("trainingProgress");
        progress.setAccessibleText(messages.get("train.progress.accessible"));
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());

        Label status = messageLabel("trainingStatus", model.statusProperty());
        Label speed = messageLabel("trainingSpeed", model.speedProperty());
        Label result = messageLabel("testAccuracy", model.resultProperty());
        result.getStyleClass().add("result");
        Label error = messageLabel("trainingError", model.errorProperty());
        error.getStyleClass().add("network-problem");
        Hyperlink details = new Hyperlink(messages.get("train.errorDetails"));
        details.setId("trainingErrorDetails");
        details.setAccessibleText(messages.get("train.errorDetails.accessible"));
        details.visibleProperty().bind(model.failureProperty().isNotNull());
        details.managedProperty().bind(details.visibleProperty());
        details.setOnAction(event -> showDetails(model.failureProperty().get(), messages));

        Button retry = new Button(messages.get("train.retryLowerRate"));
        retry.setId("retryLowerRate");
        retry.visibleProperty().bind(model.divergedProperty().and(model.runningProperty().not()));
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(event -> model.retryWithLowerRate());

        // The retry button sits right under the buttons, so it shows without scrolling on small screens.
        getChildren().addAll(buttons, retry, invalid, progress, status, speed, result, error, details);
    }

    /** Shows the failed run's message with its stack trace and the log folder, as the File menu's errors do. */
    private void showDetails(Throwable failure, Messages messages) {
        if (failure == null) {
            return;
        }
        Alert alert = ErrorDialog.create(messages, failure, LogFolder.current());
        alert.initOwner(getScene().getWindow());
        alert.getDialogPane().setExpanded(true);
        alert.show();
    }

    private Label messageLabel(String id, ObservableValue<Message> message) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(
                () -> message.getValue() == null ? "" : messages.format(message.getValue()), message));
        return label;
    }
}
