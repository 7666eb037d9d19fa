package org.deepdesk.app.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.deepdesk.engine.spec.TrainingSettings;

/** The training settings that differ between two runs, for the runs table. */
final class SettingsDiff {

    /**
     * One setting that differs.
     *
     * @param labelKey the message key of the setting's form label
     * @param from the value in the reference run
     * @param to the value in the compared run
     */
    record Change(String labelKey, Object from, Object to) {
    }

    private record Field(String labelKey, Function<TrainingSettings, Object> value) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("train.epochs", TrainingSettings::epochs),
            new Field("train.batchSize", TrainingSettings::batchSize),
            new Field("train.optimizer", TrainingSettings::optimizer),
            new Field("train.learningRate", TrainingSettings::learningRate),
            new Field("train.momentum", TrainingSettings::momentum),
            new Field("train.nesterov", TrainingSettings::nesterov),
            new Field("train.schedule", settings -> settings.schedule().kind()),
            new Field("train.stepEpochs", settings -> settings.schedule().stepEpochs()),
            new Field("train.decay", settings -> settings.schedule().decay()),
            new Field("train.weightDecay", TrainingSettings::weightDecay),
            new Field("train.patience", TrainingSettings::earlyStoppingPatience),
            new Field("train.validationSplit", TrainingSettings::validationSplit),
            new Field("train.trainingLimit", TrainingSettings::trainingLimit),
            new Field("train.seed", TrainingSettings::seed));

    private SettingsDiff() {
    }

    static List<Change> between(TrainingSettings reference, TrainingSettings compared) {
        List<Change> changes = new ArrayList<>();
        for (Field field : FIELDS) {
            Object from = field.value().apply(reference);
            Object to = field.value().apply(compared);
            if (!Objects.equals(from, to)) {
                changes.add(new Change(field.labelKey(), from, to));
            }
        }
        return changes;
    }
}
