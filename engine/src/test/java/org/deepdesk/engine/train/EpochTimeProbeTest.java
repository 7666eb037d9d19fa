package org.deepdesk.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.TrainingSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class EpochTimeProbeTest {

    @Test
    void trainingImagesUseLimitAndSplit() {
        TrainingSettings settings = TrainingSettings.defaults().withTrainingLimit(1000).withValidationSplit(0.1);

        assertThat(EpochTimeProbe.trainingImages(60_000, settings)).isEqualTo(900);
    }

    @Test
    void trainingImagesWithoutLimit() {
        TrainingSettings settings = TrainingSettings.defaults().withValidationSplit(0.1);

        assertThat(EpochTimeProbe.trainingImages(60_000, settings)).isEqualTo(54_000);
    }

    @Test
    @Tag("slow")
    void measureScalesToEpoch() {
        TrainingSettings settings = TrainingSettings.defaults().withBatchSize(100).withValidationSplit(0.1);

        EpochTimeProbe.Estimate estimate = EpochTimeProbe.measure(
                Presets.load("softmax-regression").network(), settings, 10, 60_000);

        assertThat(estimate.batchesPerEpoch()).isEqualTo(540);
        assertThat(estimate.perBatch()).isPositive();
        assertThat(estimate.perEpoch()).isEqualTo(estimate.perBatch().multipliedBy(540));
    }

    @Test
    @Tag("slow")
    void activationLayersTrain() {
        TrainingSettings settings = TrainingSettings.defaults().withBatchSize(8).withTrainingLimit(80);

        EpochTimeProbe.Estimate estimate = EpochTimeProbe.measure(
                Presets.load("mnist-best").network(), settings, 10, 60_000);

        assertThat(estimate.batchesPerEpoch()).isEqualTo(9);
        assertThat(estimate.perBatch()).isPositive();
    }
}
