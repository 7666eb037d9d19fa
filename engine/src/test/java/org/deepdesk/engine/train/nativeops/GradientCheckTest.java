package org.deepdesk.engine.train.nativeops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.ActivationSpec;
import org.deepdesk.engine.spec.AvgPool2DSpec;
import org.deepdesk.engine.spec.BatchNormSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Padding;
import org.deepdesk.engine.spec.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares every parameter's analytic gradient with central finite differences, in double
 * precision on tiny shapes, for every layer path of the native-ops backend.
 */
class GradientCheckTest {

    static final ImageShape INPUT = new ImageShape(7, 7, 2);
    static final int CLASSES = 3;
    static final int BATCH = 4;
    private static final double STEP = 1e-6;
    private static final double MAX_RELATIVE_ERROR = 1e-5;
    private static final double ABSOLUTE_SLACK = 1e-9;

    @Test
    void convValidReluMaxPoolDense() {
        check(List.of(
                new Conv2DSpec(3, 3, 1, Padding.VALID, Activation.RELU),
                MaxPool2DSpec.of(2),
                new FlattenSpec(),
                new DenseSpec(5, Activation.RELU),
                new DenseSpec(CLASSES, Activation.SOFTMAX)));
    }

    @Test
    void convSameStridedTanhAvgPoolSigmoid() {
        check(List.of(
                new Conv2DSpec(3, 3, 2, Padding.SAME, Activation.TANH),
                new AvgPool2DSpec(2, 1),
                new Conv2DSpec(2, 2, 1, Padding.SAME, Activation.SIGMOID),
                new FlattenSpec(),
                new DenseSpec(4, Activation.SIGMOID),
                new DenseSpec(CLASSES, Activation.SOFTMAX)));
    }

    @Test
    void convLinearBatchNormActivationLayers() {
        check(List.of(
                new Conv2DSpec(3, 3, 1, Padding.VALID, Activation.LINEAR),
                new BatchNormSpec(),
                new ActivationSpec(Activation.RELU),
                new MaxPool2DSpec(3, 2),
                new FlattenSpec(),
                new DenseSpec(6, Activation.LINEAR),
                new BatchNormSpec(),
                new ActivationSpec(Activation.TANH),
                new DenseSpec(CLASSES, Activation.SOFTMAX)));
    }

    @Test
    void dropoutOnImagesAndVectors() {
        check(List.of(
                new Conv2DSpec(2, 3, 1, Padding.VALID, Activation.RELU),
                new DropoutSpec(0.3),
                new FlattenSpec(),
                new DenseSpec(6, Activation.TANH),
                new DropoutSpec(0.5),
                new DenseSpec(CLASSES, Activation.SOFTMAX)));
    }

    @Test
    void mlpOnFlatInput() {
        check(List.of(
                new FlattenSpec(),
                new BatchNormSpec(),
                new DenseSpec(5, Activation.LINEAR),
                new DenseSpec(4, Activation.SIGMOID),
                new DenseSpec(CLASSES, Activation.SOFTMAX)));
    }

    @Test
    void reluBeforeMaxPoolGivesTheSameGradients() {
        // Guards the Conv(ReLU) + MaxPool fusion, which is on by default, on a deeper stack.
        check(List.of(
                new Conv2DSpec(3, 2, 1, Padding.SAME, Activation.RELU),
                MaxPool2DSpec.of(2),
                new Conv2DSpec(4, 2, 1, Padding.VALID, Activation.RELU),
                MaxPool2DSpec.of(2),
                new FlattenSpec(),
                new DenseSpec(CLASSES, Activation.SOFTMAX)));
    }

    /** Up to 40 parameters of every layer (all of a small layer), so the check stays fast. */
    private static long[] sampledParameters(CompiledNetwork network) {
        java.util.List<Long> indices = new java.util.ArrayList<>();
        Random random = new Random(5);
        long offset = 0;
        for (Layer layer : network.layers) {
            long count = layer.parameterCount();
            if (count <= 40) {
                for (long i = 0; i < count; i++) {
                    indices.add(offset + i);
                }
            } else {
                for (int i = 0; i < 40; i++) {
                    indices.add(offset + (long) (random.nextDouble() * count));
                }
            }
            offset += count;
        }
        return indices.stream().mapToLong(Long::longValue).toArray();
    }

    static float[] randomFeatures(int count, ImageShape shape, long seed) {
        Random random = new Random(seed);
        float[] features = new float[(int) (count * shape.size())];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextFloat();
        }
        return features;
    }

    static int[] randomLabels(int count, int classes, long seed) {
        Random random = new Random(seed);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(classes);
        }
        return labels;
    }

    private static void check(List<LayerSpec> layers) {
        NetworkSpec spec = new NetworkSpec("check", INPUT, layers);
        NativeOpsBackend backend = NativeOpsBackend.create(spec, TrainingSettings.defaults(), CLASSES, DataType.DOUBLE);
        float[] features = randomFeatures(BATCH, INPUT, 1);
        int[] labels = randomLabels(BATCH, CLASSES, 2);
        INDArray parameters = backend.network().parameters;
        // Random biases and BatchNorm scales too, so that no gradient is trivially zero.
        Random random = new Random(3);
        for (long i = 0; i < parameters.length(); i++) {
            parameters.putScalar(i, parameters.getDouble(i) + 0.1 * random.nextGaussian());
        }

        backend.dropoutRandom().reseed(7);
        backend.computeGradients(features, labels, BATCH);
        double[] analytic = backend.network().gradients.toDoubleVector();

        int checked = 0;
        double worst = 0;
        double worstDifference = 0;
        double magnitude = 0;
        for (double value : analytic) {
            magnitude += Math.abs(value);
        }
        assertThat(magnitude).as("sum of |gradient|").isGreaterThan(1e-3);
        for (long i : sampledParameters(backend.network())) {
            double original = parameters.getDouble(i);
            parameters.putScalar(i, original + STEP);
            backend.dropoutRandom().reseed(7);
            double plus = backend.trainingLoss(features, labels, BATCH);
            parameters.putScalar(i, original - STEP);
            backend.dropoutRandom().reseed(7);
            double minus = backend.trainingLoss(features, labels, BATCH);
            parameters.putScalar(i, original);
            double numeric = (plus - minus) / (2 * STEP);
            double difference = Math.abs(numeric - analytic[(int) i]);
            double relative = difference / Math.max(Math.abs(numeric) + Math.abs(analytic[(int) i]), 1e-12);
            worstDifference = Math.max(worstDifference, difference);
            if (Math.abs(numeric) + Math.abs(analytic[(int) i]) > 1e-7) {
                worst = Math.max(worst, relative);
            }
            if (difference > ABSOLUTE_SLACK) {
                assertThat(relative)
                        .as("parameter %d: analytic %s, numeric %s", i, analytic[(int) i], numeric)
                        .isLessThan(MAX_RELATIVE_ERROR);
            }
            checked++;
        }
        assertThat(checked).isPositive();
        System.out.printf("gradient check %s: %d parameters, worst relative error %.2e, worst absolute %.2e%n",
                layers, checked, worst, worstDifference);
    }
}
