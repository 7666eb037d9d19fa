package org.deepdesk.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deepdesk.engine.train.TrainerTest.settings;
import static org.deepdesk.engine.train.TrainerTest.softmaxRegression;
import static org.deepdesk.engine.train.TrainerTest.tinyCnn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.spec.LearningRateSchedule;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.TrainingEvent.BatchEnd;
import org.deepdesk.engine.train.TrainingEvent.EpochEnd;
import org.deepdesk.engine.train.TrainingEvent.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pause and resume, reset, early stopping, divergence and the optimizer settings of a run. */
class TrainerControlTest {

    private static ImageDataset images;

    @BeforeAll
    static void loadSubset() {
        images = MnistLoader.load(Path.of("../sample-data/mnist"), MnistSplit.TEST).head(1200);
    }

    @Test
    void pauseWaitsThenResumeFinishes() throws Exception {
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings(1), 10);
        StopSignal control = new StopSignal();
        AtomicInteger batches = new AtomicInteger();
        CountDownLatch paused = new CountDownLatch(1);
        AtomicReference<Outcome> outcome = new AtomicReference<>();

        Thread training = new Thread(() -> outcome.set(Trainer.run(network, images, settings(1), event -> {
            if (event instanceof BatchEnd && batches.incrementAndGet() == 3) {
                control.pause();
                paused.countDown();
            }
        }, control)));
        training.start();
        assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
        waitForState(training, Thread.State.WAITING);
        Thread.sleep(200);
        int batchesWhilePaused = batches.get();
        control.resume();
        training.join(30_000);

        assertThat(batchesWhilePaused).isEqualTo(3);
        assertThat(outcome.get()).isEqualTo(Outcome.COMPLETED);
        assertThat(batches.get()).isEqualTo(20);
        assertThat(control.isPaused()).isFalse();
    }

    @Test
    void stopWhilePausedEndsRun() throws Exception {
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings(1), 10);
        StopSignal control = new StopSignal();
        control.pause();
        AtomicReference<Outcome> outcome = new AtomicReference<>();

        Thread training = new Thread(() -> outcome.set(
                Trainer.run(network, images, settings(1), TrainingListener.NONE, control)));
        training.start();
        waitForState(training, Thread.State.WAITING);
        control.request();
        training.join(30_000);

        assertThat(outcome.get()).isEqualTo(Outcome.STOPPED);
        assertThat(network.stepCount()).isZero();
    }

    @Test
    void resetWithSameSeedRepeatsFirstEpoch() {
        TrainingSettings settings = settings(2).withTrainingLimit(400);
        TrainableNetwork trained = TrainableNetwork.create(tinyCnn(), settings, 10);
        Trainer.run(trained, images, settings, TrainingListener.NONE, new StopSignal());

        // Reset weights: a new network from the same spec and seed, as the Train view does.
        TrainableNetwork reset = TrainableNetwork.create(tinyCnn(), settings.withEpochs(1), 10);
        Trainer.run(reset, images, settings.withEpochs(1), TrainingListener.NONE, new StopSignal());

        EpochRecord first = trained.history().epochs().get(0);
        EpochRecord again = reset.history().epochs().get(0);
        assertThat(again.trainLoss()).isEqualTo(first.trainLoss());
        assertThat(again.validationLoss()).isEqualTo(first.validationLoss());
    }

    @Test
    void sgdRateTenDivergesOnCnn() {
        TrainingSettings settings = settings(1).withOptimizer(Optimizer.SGD).withLearningRate(10);
        TrainableNetwork network = TrainableNetwork.create(tinyCnn(), settings, 10);

        Outcome outcome = Trainer.run(network, images, settings, TrainingListener.NONE, new StopSignal());

        assertThat(outcome).isEqualTo(Outcome.DIVERGED);
    }

    @Test
    void earlyStoppingEndsAfterPatience() {
        // 50 training images overfit within a few epochs, so the validation loss stops falling.
        TrainingSettings settings = settings(20).withBatchSize(10).withValidationSplit(0.5).withTrainingLimit(100)
                .withEarlyStoppingPatience(2);
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings, 10);

        Outcome outcome = Trainer.run(network, images, settings, TrainingListener.NONE, new StopSignal());

        List<EpochRecord> epochs = network.history().epochs();
        int best = network.history().bestEpoch().orElseThrow().epoch();
        assertThat(outcome).isEqualTo(Outcome.EARLY_STOPPED);
        assertThat(epochs.size()).isLessThan(20);
        assertThat(epochs.size() - best).isEqualTo(2);
    }

    @Test
    void scheduleSetsRatePerEpoch() {
        LearningRateSchedule halving = new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 1, 0.5);
        TrainingSettings settings = settings(3).withTrainingLimit(200).withSchedule(halving);
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings, 10);
        List<Double> rates = new ArrayList<>();

        Trainer.run(network, images, settings, event -> {
            if (event instanceof EpochEnd epoch) {
                rates.add(epoch.learningRate());
            }
        }, new StopSignal());

        assertThat(rates).containsExactly(0.01, 0.005, 0.0025);
    }

    @ParameterizedTest
    @CsvSource({
        "ADAM, 0.01, 0.9, true, 0",
        "SGD, 0.1, 0, true, 0",
        "SGD, 0.05, 0.9, true, 0",
        "SGD, 0.05, 0.9, false, 0",
        "RMSPROP, 0.001, 0.9, true, 0",
        "ADAM, 0.01, 0.9, true, 0.001",
    })
    void optimizerLowersLoss(Optimizer optimizer, double rate, double momentum, boolean nesterov, double weightDecay) {
        TrainingSettings settings = settings(2).withTrainingLimit(600).withOptimizer(optimizer).withLearningRate(rate)
                .withMomentum(momentum).withNesterov(nesterov).withWeightDecay(weightDecay);
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings, 10);

        Outcome outcome = Trainer.run(network, images, settings, TrainingListener.NONE, new StopSignal());

        List<EpochRecord> epochs = network.history().epochs();
        assertThat(outcome).isEqualTo(Outcome.COMPLETED);
        assertThat(epochs.get(1).trainLoss()).isLessThan(epochs.get(0).trainLoss());
        assertThat(epochs.get(1).validationAccuracy()).isGreaterThan(0.6);
    }

    @Test
    void classicalMomentumDiffersFromNesterov() {
        TrainingSettings nesterov = settings(1).withTrainingLimit(300).withOptimizer(Optimizer.SGD).withLearningRate(0.05);

        double withNesterov = firstEpochLoss(nesterov);
        double classical = firstEpochLoss(nesterov.withNesterov(false));

        assertThat(classical).isNotEqualTo(withNesterov);
    }

    @Test
    void classicalMomentumModelReloads(@TempDir Path folder) {
        TrainingSettings settings = settings(1).withTrainingLimit(300).withOptimizer(Optimizer.SGD)
                .withLearningRate(0.05).withNesterov(false);
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings, 10);
        Trainer.run(network, images, settings, TrainingListener.NONE, new StopSignal());
        Path file = folder.resolve("momentum.ddmodel");

        ModelStore.save(network, file);
        TrainableNetwork loaded = ModelStore.load(file);
        float[] loadedPrediction = loaded.predict(images.image(0));
        Outcome continued = Trainer.run(loaded, images, settings, TrainingListener.NONE, new StopSignal());

        assertThat(loadedPrediction).containsExactly(network.predict(images.image(0)));
        assertThat(continued).isEqualTo(Outcome.COMPLETED);
    }

    private static double firstEpochLoss(TrainingSettings settings) {
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings, 10);
        Trainer.run(network, images, settings, TrainingListener.NONE, new StopSignal());
        return network.history().epochs().get(0).trainLoss();
    }

    private static void waitForState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != state && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(thread.getState()).isEqualTo(state);
    }
}
