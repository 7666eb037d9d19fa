package org.deepdesk.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.deepdesk.engine.train.TrainerTest.softmaxRegression;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.TrainingEvent.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stop requests at awkward moments, runs that diverge at once, and many short runs in a row. */
class TrainerRobustnessTest {

    private static final long JOIN_MILLIS = 30_000;

    private static ImageDataset images;

    @BeforeAll
    static void loadSubset() {
        images = MnistLoader.load(Path.of("../sample-data/mnist"), MnistSplit.TEST).head(400);
    }

    private static TrainingSettings settings() {
        return TrainingSettings.defaults().withBatchSize(20).withValidationSplit(0.1);
    }

    @Test
    void stopDuringFirstBatchEndsRun() throws InterruptedException {
        StopSignal stop = new StopSignal();
        GatedBackend backend = new GatedBackend(Backend.NATIVE.create(softmaxRegression(), settings(), 10));
        TrainableNetwork network = new TrainableNetwork(softmaxRegression(), settings(), backend, TrainingHistory.EMPTY);
        AtomicReference<Outcome> outcome = new AtomicReference<>();

        Thread training = new Thread(() -> outcome.set(Trainer.run(network, images, settings(), TrainingListener.NONE, stop)));
        training.start();
        assertThat(backend.firstBatchStarted.await(JOIN_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        stop.request();
        backend.release.countDown();
        training.join(JOIN_MILLIS);

        assertThat(training.isAlive()).isFalse();
        assertThat(outcome.get()).isEqualTo(Outcome.STOPPED);
        assertThat(network.stepCount()).isEqualTo(1);
        assertThat(network.history().epochs()).isEmpty();
        assertProbabilities(network.predict(images.image(0)));
    }

    /** The FX thread reads these while a run trains, so they must not wait for the batch in progress. */
    @Test
    void recordsReadDuringBatchWithoutWaiting() throws Exception {
        StopSignal stop = new StopSignal();
        GatedBackend backend = new GatedBackend(Backend.NATIVE.create(softmaxRegression(), settings(), 10));
        TrainableNetwork network = new TrainableNetwork(softmaxRegression(), settings(), backend, TrainingHistory.EMPTY);
        Thread training = new Thread(() -> Trainer.run(network, images, settings(), TrainingListener.NONE, stop));
        training.start();
        assertThat(backend.firstBatchStarted.await(JOIN_MILLIS, TimeUnit.MILLISECONDS)).isTrue();

        try {
            // The gated batch holds the backend lock until release, so any read that takes it would time out here.
            ExecutorService reader = Executors.newSingleThreadExecutor();
            Future<Long> reads = reader.submit(() -> {
                network.history();
                network.settings();
                network.bestCheckpoint();
                network.restoredEpoch();
                return network.stepCount();
            });
            assertThat(reads.get(2, TimeUnit.SECONDS)).isZero();
            reader.shutdown();
        } finally {
            stop.request();
            backend.release.countDown();
            training.join(JOIN_MILLIS);
        }
        assertThat(training.isAlive()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void hugeLearningRateDivergesAtOnce(Backend kind) {
        TrainingSettings settings = settings().withOptimizer(Optimizer.SGD).withMomentum(0).withLearningRate(1e30);
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings, 10, kind);

        Outcome outcome = Trainer.run(network, images, settings, TrainingListener.NONE, new StopSignal());

        assertThat(outcome).isEqualTo(Outcome.DIVERGED);
        assertThat(network.stepCount()).isLessThanOrEqualTo(DivergenceDetector.PATIENCE + 1);
        assertThat(network.history().epochs()).isEmpty();
        assertThat(network.predict(images.image(0))).hasSize(10);
    }

    @Test
    void nanFirstLossDiverges() {
        NetworkBackend real = Backend.NATIVE.create(softmaxRegression(), settings(), 10);
        NetworkBackend nanLoss = new ForwardingBackend(real) {
            @Override
            public BatchResult trainBatch(float[] features, int[] labels, int count) {
                super.trainBatch(features, labels, count);
                return new BatchResult(Double.NaN, 0);
            }
        };
        TrainableNetwork network = new TrainableNetwork(softmaxRegression(), settings(), nanLoss, TrainingHistory.EMPTY);
        List<TrainingEvent> events = new ArrayList<>();

        Outcome outcome = Trainer.run(network, images, settings(), events::add, new StopSignal());

        assertThat(outcome).isEqualTo(Outcome.DIVERGED);
        assertThat(network.stepCount()).isEqualTo(1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).isInstanceOf(TrainingEvent.RunEnd.class);
    }

    @Test
    void fiftyStartStopCycles() throws InterruptedException {
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings(), 10);
        // One full run first, so ND4J's own worker threads exist before the threads are counted.
        Trainer.run(network, images, settings().withTrainingLimit(40), TrainingListener.NONE, new StopSignal());
        int threadsBefore = Thread.activeCount();
        List<Outcome> outcomes = new ArrayList<>();

        for (int cycle = 0; cycle < 50; cycle++) {
            StopSignal stop = new StopSignal();
            AtomicReference<Outcome> outcome = new AtomicReference<>();
            Thread training = new Thread(() -> outcome.set(
                    Trainer.run(network, images, settings(), TrainingListener.NONE, stop)), "stress-" + cycle);
            training.start();
            Thread.sleep(1 + cycle % 5);
            stop.request();
            training.join(JOIN_MILLIS);

            assertThat(training.isAlive()).as("run %d still alive after its stop", cycle).isFalse();
            outcomes.add(outcome.get());
        }

        assertThat(outcomes).doesNotContainNull();
        assertThat(outcomes).doesNotContain(Outcome.DIVERGED);
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);
        assertProbabilities(network.predict(images.image(0)));
        assertThat(network.history().batches()).allSatisfy(batch -> assertThat(batch.loss()).isFinite());
    }

    /**
     * Two runs started on one network at once, as when Train is pressed twice. The Train view
     * disables its button while a run is active, so only a caller that bypasses it gets here.
     */
    @Test
    void trainPressedTwiceKeepsHistory() throws InterruptedException {
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings(), 10);
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    Trainer.run(network, images, settings(), TrainingListener.NONE, new StopSignal());
                } catch (EngineException rejected) {
                    // A clear rejection of the second run is one of the two acceptable behaviours.
                } catch (Throwable failure) {
                    unexpected.add(failure);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(JOIN_MILLIS);
        }

        List<Integer> epochNumbers = network.history().epochs().stream().map(EpochRecord::epoch).toList();
        assertThat(unexpected).isEmpty();
        assertThat(epochNumbers).doesNotHaveDuplicates();
        assertThat(network.stepCount()).isEqualTo(18L * epochNumbers.size());
    }

    private static void assertProbabilities(float[] probabilities) {
        assertThat(probabilities).hasSize(10);
        double sum = 0;
        for (float probability : probabilities) {
            assertThat(probability).isFinite().isBetween(0f, 1f);
            sum += probability;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-4));
    }

    /** Passes every call on to a real backend; tests override the call they change. */
    private static class ForwardingBackend implements NetworkBackend {

        private final NetworkBackend delegate;

        ForwardingBackend(NetworkBackend delegate) {
            this.delegate = delegate;
        }

        @Override
        public BatchResult trainBatch(float[] features, int[] labels, int count) {
            return delegate.trainBatch(features, labels, count);
        }

        @Override
        public void loadWeights(NetworkSpec spec, List<LayerWeights> weights) {
            delegate.loadWeights(spec, weights);
        }

        @Override
        public float[] predict(float[] features, int count) {
            return delegate.predict(features, count);
        }

        @Override
        public int classCount() {
            return delegate.classCount();
        }

        @Override
        public Backend kind() {
            return delegate.kind();
        }

        @Override
        public void applySettings(TrainingSettings settings) {
            delegate.applySettings(settings);
        }

        @Override
        public void setLearningRate(double learningRate) {
            delegate.setLearningRate(learningRate);
        }

        @Override
        public void writeWeights(OutputStream output) throws IOException {
            delegate.writeWeights(output);
        }

        @Override
        public void restoreWeights(byte[] weights) throws IOException {
            delegate.restoreWeights(weights);
        }
    }

    /** Holds the first training step open until the test releases it, so a stop can arrive mid-batch. */
    private static final class GatedBackend extends ForwardingBackend {

        final CountDownLatch firstBatchStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        GatedBackend(NetworkBackend delegate) {
            super(delegate);
        }

        @Override
        public BatchResult trainBatch(float[] features, int[] labels, int count) {
            firstBatchStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return super.trainBatch(features, labels, count);
        }
    }
}
