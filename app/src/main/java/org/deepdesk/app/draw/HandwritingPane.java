package org.deepdesk.app.draw;

import java.util.StringJoiner;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.deepdesk.engine.data.PersonalDigits;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;

/** The Draw view's "My handwriting" section: save the drawing with its label, see the counts, fine-tune. */
final class HandwritingPane extends VBox {

    private final HandwritingViewModel model;
    private final Messages messages;
    private final Label total = new Label();
    private final Label counts = new Label();

    HandwritingPane(HandwritingViewModel model, DrawViewModel draw, Messages messages) {
        super(6);
        this.model = model;
        this.messages = messages;
        setId("handwriting");

        Label title = new Label(messages.get("handwriting.title"));
        title.getStyleClass().add("section-title");

        ComboBox<Integer> digit = new ComboBox<>();
        digit.setId("handwritingDigit");
        for (int value = 0; value < PersonalDigits.CLASS_COUNT; value++) {
            digit.getItems().add(value);
        }
        digit.setAccessibleText(messages.get("handwriting.digit.accessible"));
        // A recognized drawing preselects the predicted digit, so a correct guess needs one click.
        draw.predictionProperty().addListener((observable, old, prediction) -> {
            if (prediction != null) {
                digit.setValue(prediction.predictedClass());
            }
        });
        Label saveAs = new Label(messages.get("handwriting.saveAs"));
        saveAs.setLabelFor(digit);

        Button save = new Button(messages.get("handwriting.save"));
        save.setId("saveHandwriting");
        save.disableProperty().bind(draw.predictionProperty().isNull()
                .or(digit.valueProperty().isNull())
                .or(model.loadedProperty().not()));
        save.setOnAction(event -> model.save(draw.predictionProperty().get().input(), digit.getValue()));
        HBox saveRow = new HBox(8, saveAs, digit, save);
        saveRow.setAlignment(Pos.CENTER_LEFT);

        total.setId("handwritingTotal");
        counts.setId("handwritingCounts");
        counts.setWrapText(true);
        model.digitsProperty().addListener((observable, old, digits) -> showCounts(digits));
        showCounts(model.digitsProperty().get());

        Button fineTune = new Button(messages.get("handwriting.fineTune"));
        fineTune.setId("fineTuneHandwriting");
        fineTune.disableProperty().bind(model.canFineTuneProperty().not()
                .or(Bindings.createBooleanBinding(() -> model.digitsProperty().get().isEmpty(), model.digitsProperty())));
        fineTune.setOnAction(event -> model.fineTune());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setAccessibleText(messages.format("handwriting.fineTuning", FineTuning.MNIST_COUNT));
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(model.fineTuningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox fineTuneRow = new HBox(8, fineTune, busy);
        fineTuneRow.setAlignment(Pos.CENTER_LEFT);

        Label status = messageLabel("handwritingStatus");
        status.textProperty().bind(Bindings.createStringBinding(() -> text(model.statusProperty().get()), model.statusProperty()));
        Label error = messageLabel("handwritingError");
        // The Train view shows its errors in this style too.
        error.getStyleClass().add("network-problem");
        error.textProperty().bind(Bindings.createStringBinding(() -> text(model.errorProperty().get()), model.errorProperty()));

        getChildren().addAll(title, saveRow, total, counts, fineTuneRow, status, error);
    }

    private void showCounts(PersonalDigits digits) {
        total.setText(messages.format("handwriting.total", digits.size()));
        int[] perClass = digits.countsPerClass();
        StringJoiner list = new StringJoiner("  ");
        for (int label = 0; label < perClass.length; label++) {
            list.add(label + ": " + perClass[label]);
        }
        counts.setText(messages.format("handwriting.counts", list.toString()));
    }

    private String text(Message message) {
        return message == null ? "" : messages.format(message);
    }

    private static Label messageLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(DrawView.CANVAS_SIZE + 40);
        return label;
    }
}
