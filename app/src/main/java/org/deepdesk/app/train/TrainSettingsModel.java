package org.deepdesk.app.train;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.deepdesk.engine.spec.LearningRateSchedule;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.TrainingSettings;

/** The training settings as the form edits them, one property per field. FX thread only. */
public final class TrainSettingsModel {

    private final IntegerProperty epochs = new SimpleIntegerProperty();
    private final IntegerProperty batchSize = new SimpleIntegerProperty();
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>();
    private final DoubleProperty learningRate = new SimpleDoubleProperty();
    private final DoubleProperty momentum = new SimpleDoubleProperty();
    private final BooleanProperty nesterov = new SimpleBooleanProperty();
    private final ObjectProperty<LearningRateSchedule.Kind> schedule = new SimpleObjectProperty<>();
    private final IntegerProperty stepEpochs = new SimpleIntegerProperty();
    private final DoubleProperty decay = new SimpleDoubleProperty();
    private final DoubleProperty weightDecay = new SimpleDoubleProperty();
    private final IntegerProperty patience = new SimpleIntegerProperty();
    private final DoubleProperty validationSplit = new SimpleDoubleProperty();
    private final IntegerProperty trainingLimit = new SimpleIntegerProperty();
    private final LongProperty seed = new SimpleLongProperty();

    /** Fills every field from settings, such as those of a preset or a loaded file. */
    public void set(TrainingSettings settings) {
        epochs.set(settings.epochs());
        batchSize.set(settings.batchSize());
        optimizer.set(settings.optimizer());
        learningRate.set(settings.learningRate());
        momentum.set(settings.momentum());
        nesterov.set(settings.nesterov());
        schedule.set(settings.schedule().kind());
        stepEpochs.set(settings.schedule().stepEpochs());
        decay.set(settings.schedule().decay());
        weightDecay.set(settings.weightDecay());
        patience.set(settings.earlyStoppingPatience());
        validationSplit.set(settings.validationSplit());
        trainingLimit.set(settings.trainingLimit());
        seed.set(settings.seed());
    }

    /** Returns the settings as the user has set them now. */
    public TrainingSettings get() {
        return new TrainingSettings(epochs.get(), batchSize.get(), optimizer.get(), learningRate.get(), momentum.get(),
                seed.get(), validationSplit.get(), trainingLimit.get(), nesterov.get(),
                new LearningRateSchedule(schedule.get(), stepEpochs.get(), decay.get()), weightDecay.get(), patience.get());
    }

    /** Every field, for a listener that follows any change of the settings. */
    public List<ObservableValue<?>> fields() {
        return List.of(epochs, batchSize, optimizer, learningRate, momentum, nesterov, schedule, stepEpochs, decay,
                weightDecay, patience, validationSplit, trainingLimit, seed);
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public ObjectProperty<Optimizer> optimizerProperty() {
        return optimizer;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public DoubleProperty momentumProperty() {
        return momentum;
    }

    public BooleanProperty nesterovProperty() {
        return nesterov;
    }

    public ObjectProperty<LearningRateSchedule.Kind> scheduleProperty() {
        return schedule;
    }

    public IntegerProperty stepEpochsProperty() {
        return stepEpochs;
    }

    public DoubleProperty decayProperty() {
        return decay;
    }

    public DoubleProperty weightDecayProperty() {
        return weightDecay;
    }

    public IntegerProperty patienceProperty() {
        return patience;
    }

    public DoubleProperty validationSplitProperty() {
        return validationSplit;
    }

    public IntegerProperty trainingLimitProperty() {
        return trainingLimit;
    }

    public LongProperty seedProperty() {
        return seed;
    }
}
