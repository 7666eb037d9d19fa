package org.deepdesk.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.TrainingSettings;
import org.junit.jupiter.api.Test;

class SettingsDiffTest {

    @Test
    void equalSettingsHaveNoChanges() {
        assertThat(SettingsDiff.between(TrainingSettings.defaults(), TrainingSettings.defaults())).isEmpty();
    }

    @Test
    void changedFieldsAreListedInFormOrder() {
        TrainingSettings changed = TrainingSettings.defaults().withLearningRate(0.1).withOptimizer(Optimizer.SGD);

        var changes = SettingsDiff.between(TrainingSettings.defaults(), changed);

        assertThat(changes).containsExactly(
                new SettingsDiff.Change("train.optimizer", Optimizer.ADAM, Optimizer.SGD),
                new SettingsDiff.Change("train.learningRate", 0.001, 0.1));
    }
}
