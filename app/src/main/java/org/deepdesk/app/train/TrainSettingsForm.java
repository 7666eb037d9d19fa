package org.deepdesk.app.train;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.converter.DoubleStringConverter;
import javafx.util.converter.LongStringConverter;
import org.deepdesk.engine.spec.LearningRateSchedule;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.i18n.Messages;

/**
 * The hyperparameter form. Fields that the chosen optimizer or schedule ignores are disabled,
 * not hidden, so the form keeps its layout while a student tries options.
 */
final class TrainSettingsForm extends GridPane {

    private final Messages messages;
    private int row;

    TrainSettingsForm(TrainSettingsModel form, Messages messages) {
        this.messages = messages;
        setHgap(8);
        setVgap(6);

        ComboBox<Optimizer> optimizer = new ComboBox<>();
        optimizer.getItems().setAll(Optimizer.values());
        optimizer.setId("optimizer");
        optimizer.valueProperty().bindBidirectional(form.optimizerProperty());
        optimizer.setConverter(new EnumLabels<>(messages, "train.optimizer."));

        ComboBox<LearningRateSchedule.Kind> schedule = new ComboBox<>();
        schedule.getItems().setAll(LearningRateSchedule.Kind.values());
        schedule.setId("schedule");
        schedule.valueProperty().bindBidirectional(form.scheduleProperty());
        schedule.setConverter(new EnumLabels<>(messages, "train.schedule."));

        CheckBox nesterov = new CheckBox();
        nesterov.setId("nesterov");
        nesterov.selectedProperty().bindBidirectional(form.nesterovProperty());

        Control momentum = FormControls.numberField("momentum", new DoubleStringConverter(), form.momentumProperty());
        Spinner<Integer> stepEpochs = FormControls.intSpinner("stepEpochs", 1, 100, form.stepEpochsProperty());
        Control decay = FormControls.numberField("decay", new DoubleStringConverter(), form.decayProperty());

        addRow("train.epochs", FormControls.intSpinner("epochs", 1, 100, form.epochsProperty()));
        addRow("train.batchSize", FormControls.intSpinner("batchSize", 1, 4096, form.batchSizeProperty()));
        addRow("train.optimizer", optimizer);
        addRow("train.learningRate", FormControls.numberField("learningRate", new DoubleStringConverter(), form.learningRateProperty()));
        addRow("train.momentum", momentum);
        addRow("train.nesterov", nesterov);
        addRow("train.schedule", schedule);
        addRow("train.stepEpochs", stepEpochs);
        addRow("train.decay", decay);
        addRow("train.weightDecay", FormControls.numberField("weightDecay", new DoubleStringConverter(), form.weightDecayProperty()));
        addRow("train.patience", FormControls.intSpinner("patience", 0, 100, form.patienceProperty()));
        addRow("train.validationSplit", FormControls.numberField("validationSplit", new DoubleStringConverter(), form.validationSplitProperty()));
        addRow("train.trainingLimit", FormControls.intSpinner("trainingLimit", 0, 60000, form.trainingLimitProperty()));
        addRow("train.seed", FormControls.numberField("seed", new LongStringConverter(), form.seedProperty()));

        momentum.disableProperty().bind(form.optimizerProperty().isNotEqualTo(Optimizer.SGD));
        nesterov.disableProperty().bind(form.optimizerProperty().isNotEqualTo(Optimizer.SGD)
                .or(form.momentumProperty().isEqualTo(0)));
        stepEpochs.disableProperty().bind(form.scheduleProperty().isNotEqualTo(LearningRateSchedule.Kind.STEP));
        decay.disableProperty().bind(form.scheduleProperty().isNotEqualTo(LearningRateSchedule.Kind.STEP)
                .and(form.scheduleProperty().isNotEqualTo(LearningRateSchedule.Kind.EXPONENTIAL)));
    }

    private void addRow(String key, Control control) {
        Label label = new Label(messages.get(key));
        label.setLabelFor(control);
        control.setAccessibleText(messages.get(key));
        control.setTooltip(new Tooltip(messages.get(key + ".help")));
        control.setPrefWidth(130);
        addRow(row++, label, control);
    }
}
