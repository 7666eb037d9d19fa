package org.deepdesk.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.TrainingEvent.BatchEnd;
import org.deepdesk.engine.train.TrainingEvent.EpochEnd;
import org.deepdesk.engine.train.TrainingEvent.Outcome;
import org.deepdesk.engine.train.TrainingEvent.RunEnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static ImageDataset images;

    @BeforeAll
    static void loadSubset() {
        // The MNIST test split is small enough to load in every run; training uses its head.
        images = MnistLoader.load(Path.of("../sample-data/mnist"), MnistSplit.TEST).head(1200);
    }

    static NetworkSpec softmaxRegression() {
        return new NetworkSpec("softmax", ImageShape.MNIST, List.of(new FlattenSpec(), new DenseSpec(10, Activation.SOFTMAX)));
    }

    static NetworkSpec tinyCnn() {
        return new NetworkSpec("tiny CNN", ImageShape.MNIST, List.of(
                Conv2DSpec.relu(4, 3),
                MaxPool2DSpec.of(2),
                new FlattenSpec(),
                new DenseSpec(16, Activation.RELU),
                new DenseSpec(10, Activation.SOFTMAX)));
    }

    static TrainingSettings settings(int epochs) {
        return TrainingSettings.defaults().withEpochs(epochs).withBatchSize(50).withLearningRate(0.01).withValidationSplit(0.2);
    }

    @Test
    void tinyCnnLearnsDigits() {
        TrainableNetwork network = TrainableNetwork.create(tinyCnn(), settings(3), 10);
        List<TrainingEvent> events = new ArrayList<>();

        Outcome outcome = Trainer.run(network, images, settings(3), events::add, new StopSignal());

        assertThat(outcome).isEqualTo(Outcome.COMPLETED);
        List<EpochRecord> epochs = network.history().epochs();
        assertThat(epochs).hasSize(3);
        assertThat(epochs.get(2).trainLoss()).isLessThan(epochs.get(0).trainLoss());
        assertThat(epochs.get(2).validationAccuracy()).isGreaterThan(0.75);
        assertThat(events.get(events.size() - 1)).isInstanceOf(RunEnd.class);
        assertThat(events.stream().filter(EpochEnd.class::isInstance)).hasSize(3);
    }

    @Test
    void batchEventsCountStepsAndProgress() {
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings(1), 10);
        List<BatchEnd> batches = new ArrayList<>();

        Trainer.run(network, images, settings(1), event -> {
            if (event instanceof BatchEnd batch) {
                batches.add(batch);
            }
        }, new StopSignal());

        // 1200 images less 20% validation leave 960, in batches of 50: 19 full and one of 10.
        assertThat(batches).hasSize(20);
        assertThat(batches.get(0).batchesPerEpoch()).isEqualTo(20);
        assertThat(batches.get(19).step()).isEqualTo(20);
        assertThat(batches.get(19).runProgress()).isEqualTo(1.0);
        assertThat(batches.get(0).samplesPerSecond()).isPositive();
        assertThat(batches.get(0).accuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void stopThenContinueKeepsWeightsAndHistory() {
        TrainableNetwork network = TrainableNetwork.create(softmaxRegression(), settings(2), 10);
        StopSignal stop = new StopSignal();
        List<TrainingEvent> events = new ArrayList<>();

        Outcome first = Trainer.run(network, images, settings(2), event -> {
            events.add(event);
            if (event instanceof BatchEnd batch && batch.batch() == 5) {
                stop.request();
            }
        }, stop);
        float[] afterStop = network.predict(images.image(0));

        Outcome second = Trainer.run(network, images, settings(1), TrainingListener.NONE, new StopSignal());

        assertThat(first).isEqualTo(Outcome.STOPPED);
        assertThat(events.get(events.size() - 1)).isEqualTo(events.get(events.size() - 1));
        assertThat(((RunEnd) events.get(events.size() - 1)).epochsCompleted()).isZero();
        assertThat(second).isEqualTo(Outcome.COMPLETED);
        assertThat(network.stepCount()).isEqualTo(5 + 20);
        assertThat(network.history().epochs()).hasSize(1);
        assertThat(network.predict(images.image(0))).isNotEqualTo(afterStop);
        assertThat(network.history().epochs().get(0).trainLoss()).isLessThan(network.history().batches().get(0).loss());
    }

    @Test
    void sameSeedGivesSameLosses() {
        List<Double> first = firstLosses(7);
        List<Double> again = firstLosses(7);
        List<Double> other = firstLosses(8);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    private static List<Double> firstLosses(long seed) {
        TrainingSettings settings = settings(1).withSeed(seed).withTrainingLimit(400);
        TrainableNetwork network = TrainableNetwork.create(tinyCnn(), settings, 10);
        Trainer.run(network, images, settings, TrainingListener.NONE, new StopSignal());
        return network.history().batches().stream().map(BatchRecord::loss).toList();
    }

    @Test
    void hugeLearningRateDiverges() {
        TrainingSettings settings = settings(1).withOptimizer(Optimizer.SGD).withLearningRate(1e6);
        TrainableNetwork network = TrainableNetwork.create(tinyCnn(), settings, 10);

        Outcome outcome = Trainer.run(network, images, settings, TrainingListener.NONE, new StopSignal());

        assertThat(outcome).isEqualTo(Outcome.DIVERGED);
    }

    @Test
    void wrongInputShapeIsRejected() {
        NetworkSpec small = new NetworkSpec("small", new ImageShape(14, 14, 1),
                List.of(new FlattenSpec(), new DenseSpec(10, Activation.SOFTMAX)));
        TrainableNetwork network = TrainableNetwork.create(small, settings(1), 10);

        assertThatThrownBy(() -> Trainer.run(network, images, settings(1), TrainingListener.NONE, new StopSignal()))
                .isInstanceOfSatisfying(EngineException.class,
                        failure -> assertThat(failure.userMessage().key()).isEqualTo("error.data.shapeMismatch"));
    }

    @Test
    void invalidStackIsRejectedAtCreation() {
        NetworkSpec noFlatten = new NetworkSpec("no flatten", ImageShape.MNIST, List.of(new DenseSpec(10, Activation.SOFTMAX)));

        assertThatThrownBy(() -> TrainableNetwork.create(noFlatten, settings(1), 10))
                .isInstanceOfSatisfying(EngineException.class,
                        failure -> assertThat(failure.userMessage().key()).isEqualTo("problem.dense.needsFlatten"));
    }
}
