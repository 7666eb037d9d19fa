package org.deepdesk.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.deepdesk.engine.train.TrainerTest.settings;
import static org.deepdesk.engine.train.TrainerTest.softmaxRegression;
import static org.deepdesk.engine.train.TrainerTest.tinyCnn;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.TrainingEvent.EpochEnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Epoch-end snapshots and {@link TrainableNetwork#restoreBest()} on both backends. */
class RestoreBestTest {

    /** Probe images whose predictions are compared; they come from outside the training subset. */
    private static final int PROBE_COUNT = 20;

    private static ImageDataset images;
    private static float[] probe;

    @BeforeAll
    static void loadSubset() {
        ImageDataset test = MnistLoader.load(Path.of("../sample-data/mnist"), MnistSplit.TEST);
        images = test.head(600);
        probe = new float[PROBE_COUNT * test.sampleSize()];
        for (int i = 0; i < PROBE_COUNT; i++) {
            test.copyImage(1000 + i, probe, i * test.sampleSize());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void restoreMatchesBestEpochPredictions(Backend backend) {
        for (NetworkSpec spec : List.of(softmaxRegression(), tinyCnn())) {
            TrainableNetwork network = TrainableNetwork.create(spec, settings(2), 10, backend);
            Map<Integer, float[]> predictions = new HashMap<>();
            TrainingListener recorder = event -> {
                if (event instanceof EpochEnd end) {
                    predictions.put(end.record().epoch(), network.predict(probe, PROBE_COUNT));
                }
            };

            Trainer.run(network, images, settings(2), recorder, new StopSignal());
            // A far too high rate for one more epoch makes the validation loss rise at the end.
            TrainingSettings tooFast = settings(1).withLearningRate(0.3);
            Trainer.run(network, images, tooFast, recorder, new StopSignal());
            TrainingHistory history = network.history();
            EpochRecord best = history.bestEpoch().orElseThrow();
            EpochRecord last = history.epochs().get(history.epochCount() - 1);

            assertThat(last.validationLoss()).as(spec.name()).isGreaterThan(best.validationLoss());
            assertThat(network.bestCheckpoint()).contains(best);

            EpochRecord restored = network.restoreBest();

            assertThat(restored).isEqualTo(best);
            assertThat(network.restoredEpoch()).hasValue(best.epoch());
            assertThat(network.history().epochCount()).isEqualTo(3);
            assertThat(network.predict(probe, PROBE_COUNT))
                    .as(spec.name() + " after restoring epoch " + best.epoch())
                    .containsExactly(predictions.get(best.epoch()), within(1e-6f));
        }
    }

    @Test
    void restoreWithoutValidationRejected() {
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings(1), 10);
        Trainer.run(network, images, settings(1).withValidationSplit(0), TrainingListener.NONE, new StopSignal());

        assertThat(network.bestCheckpoint()).isEmpty();
        assertThatThrownBy(network::restoreBest)
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("has no saved epoch");
    }

    @Test
    void restoreDuringRunRejected() {
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings(1), 10);
        Trainer.run(network, images, settings(1), TrainingListener.NONE, new StopSignal());
        network.claimRun();

        assertThatThrownBy(network::restoreBest)
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("already training");
        assertThat(network.restoredEpoch()).isEmpty();
    }

    @Test
    void trainingAfterRestoreContinuesHistory() {
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings(2), 10);
        Trainer.run(network, images, settings(2), TrainingListener.NONE, new StopSignal());
        network.restoreBest();

        Trainer.run(network, images, settings(1), TrainingListener.NONE, new StopSignal());

        assertThat(network.history().epochCount()).isEqualTo(3);
        assertThat(network.history().epochs().get(2).validationLoss()).isFinite();
    }
}
