package org.deepdesk.engine.train.nativeops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
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
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.Padding;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.Backend;
import org.deepdesk.engine.train.Dl4jAccess;
import org.deepdesk.engine.train.NetworkBackend;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Puts the same weights into the native-ops backend and the Deeplearning4j backend and checks
 * that both give the same outputs, loss, gradients and updates, layer type by layer type.
 */
class Dl4jParityTest {

    private static final ImageShape SMALL = new ImageShape(8, 8, 2);
    private static final int CLASSES = 10;
    private static final int BATCH = 6;

    @Test
    void convReluMaxPoolSamePaddingDense() {
        assertParity(SMALL, List.of(
                new Conv2DSpec(4, 3, 1, Padding.VALID, Activation.RELU),
                MaxPool2DSpec.of(2),
                new Conv2DSpec(5, 2, 1, Padding.SAME, Activation.RELU),
                new FlattenSpec(),
                new DenseSpec(7, Activation.RELU),
                new DenseSpec(CLASSES, Activation.SOFTMAX)), adam(), true);
    }

    @Test
    void stridedSameTanhAveragePoolSigmoid() {
        assertParity(SMALL, List.of(
                new Conv2DSpec(3, 3, 2, Padding.SAME, Activation.TANH),
                new AvgPool2DSpec(2, 1),
                new FlattenSpec(),
                new DenseSpec(6, Activation.SIGMOID),
                new DenseSpec(CLASSES, Activation.SOFTMAX)), sgd(true), true);
    }

    @Test
    void batchNormOnImagesWithActivationLayer() {
        assertParity(SMALL, List.of(
                new Conv2DSpec(3, 3, 1, Padding.VALID, Activation.LINEAR),
                new BatchNormSpec(),
                new ActivationSpec(Activation.RELU),
                new MaxPool2DSpec(3, 2),
                new FlattenSpec(),
                new DenseSpec(CLASSES, Activation.SOFTMAX)), sgd(false), true);
    }

    @Test
    void batchNormOnVectorsAndLinearDense() {
        assertParity(new ImageShape(6, 6, 1), List.of(
                new FlattenSpec(),
                new DenseSpec(8, Activation.LINEAR),
                new BatchNormSpec(),
                new ActivationSpec(Activation.TANH),
                // Not Adam: the bias before BatchNorm has a true gradient of 0, which Adam would turn
                // into a full-size step in the direction of each backend's rounding noise.
                new DenseSpec(CLASSES, Activation.SOFTMAX)), sgd(true), true);
    }

    @Test
    void l2WeightDecayOnKernels() {
        assertParity(SMALL, List.of(
                new Conv2DSpec(3, 3, 1, Padding.VALID, Activation.RELU),
                new FlattenSpec(),
                new DenseSpec(CLASSES, Activation.SOFTMAX)), sgd(false).withWeightDecay(0.01), true);
    }

    @Test
    void dropoutPassesValuesThroughAtPredictionTime() {
        // Dropout masks come from different generators, so only prediction (no dropout) is compared.
        assertParity(SMALL, List.of(
                new Conv2DSpec(3, 3, 1, Padding.VALID, Activation.RELU),
                new DropoutSpec(0.4),
                new FlattenSpec(),
                new DenseSpec(5, Activation.RELU),
                new DropoutSpec(0.2),
                new DenseSpec(CLASSES, Activation.SOFTMAX)), adam(), false);
    }

    @Test
    void referenceCnnOnMnistImages() {
        NetworkSpec spec = Presets.load("reference-cnn").network();
        ImageDataset images = MnistLoader.load(Path.of("../sample-data/mnist"), MnistSplit.TEST).head(16);
        float[] features = new float[16 * 784];
        int[] labels = new int[16];
        for (int i = 0; i < 16; i++) {
            images.copyImage(i, features, i * 784);
            labels[i] = images.labels()[i];
        }
        assertParity(spec, adam(), true, features, labels, 16);
    }

    private static TrainingSettings adam() {
        return TrainingSettings.defaults().withLearningRate(0.01);
    }

    private static TrainingSettings sgd(boolean nesterov) {
        return TrainingSettings.defaults().withOptimizer(Optimizer.SGD).withLearningRate(0.1).withMomentum(0.9)
                .withNesterov(nesterov);
    }

    private static void assertParity(ImageShape input, List<LayerSpec> layers, TrainingSettings settings, boolean training) {
        float[] features = GradientCheckTest.randomFeatures(BATCH, input, 11);
        int[] labels = GradientCheckTest.randomLabels(BATCH, CLASSES, 12);
        assertParity(new NetworkSpec("parity", input, layers), settings, training, features, labels, BATCH);
    }

    private static void assertParity(NetworkSpec spec, TrainingSettings settings, boolean training,
            float[] features, int[] labels, int count) {
        NativeOpsBackend nativeBackend = NativeOpsBackend.create(spec, settings, CLASSES);
        NetworkBackend dl4jBackend = Backend.DL4J.create(spec, settings, CLASSES);
        MultiLayerNetwork dl4j = Dl4jAccess.network(dl4jBackend);
        copyWeights(spec, nativeBackend, dl4j);

        // Prediction: same probabilities.
        float[] expected = dl4jBackend.predict(features, count);
        float[] actual = nativeBackend.predict(features, count);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("probability %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(2e-5f));
        }
        // Inspection views: the same layer outputs and kernels, in the same orders.
        float[] image = java.util.Arrays.copyOf(features, (int) spec.input().size());
        var expectedOutputs = dl4jBackend.layerOutputs(spec, image);
        var actualOutputs = nativeBackend.layerOutputs(spec, image);
        assertThat(actualOutputs).hasSameSizeAs(expectedOutputs);
        for (int i = 0; i < expectedOutputs.size(); i++) {
            assertThat(actualOutputs.get(i).shape()).isEqualTo(expectedOutputs.get(i).shape());
            if (i + 1 < spec.layers().size() && spec.layers().get(i + 1) instanceof ActivationSpec) {
                // Deeplearning4j's ActivationLayer activates its input array in place at prediction
                // time, so feedForward reports the layer before it already activated; not comparable.
                continue;
            }
            assertClose("layer output " + i, Nd4j.createFromArray(expectedOutputs.get(i).values()),
                    Nd4j.createFromArray(actualOutputs.get(i).values()), 1e-4);
        }
        var expectedFilters = dl4jBackend.convFilters(spec);
        var actualFilters = nativeBackend.convFilters(spec);
        assertThat(actualFilters).hasSameSizeAs(expectedFilters);
        for (int i = 0; i < expectedFilters.size(); i++) {
            assertClose("filters " + i, Nd4j.createFromArray(expectedFilters.get(i).weights()),
                    Nd4j.createFromArray(actualFilters.get(i).weights()), 1e-6);
        }
        if (!training) {
            return;
        }

        // Training pass: same loss and gradients.
        INDArray x = Nd4j.create(features, new long[] {count, spec.input().size()}, 'c');
        INDArray y = Nd4j.zeros(count, CLASSES);
        for (int i = 0; i < count; i++) {
            y.putScalar(i, labels[i], 1.0);
        }
        dl4j.setInput(x);
        dl4j.setLabels(y);
        dl4j.computeGradientAndScore();
        Gradient gradient = dl4j.gradient();
        double nativeLoss = nativeBackend.computeGradients(features, labels, count) + nativeBackend.weightDecayPenalty();
        assertThat(nativeLoss).as("loss").isCloseTo(dl4j.score(), org.assertj.core.data.Offset.offset(1e-5));
        forEachParameter(spec, nativeBackend, (layer, dl4jIndex, name, nativeValue, nativeGradient) -> {
            // Deeplearning4j sums over the batch here and divides by the batch size in its updater.
            INDArray expectedGradient = gradient.getGradientFor(dl4jIndex + "_" + name).div(count);
            assertClose("gradient " + dl4jIndex + "_" + name, toNative(layer, name, expectedGradient, spec), nativeGradient, 2e-4);
        });

        // One update: same parameters afterwards.
        nativeBackend.addWeightDecay();
        nativeBackend.applyUpdate();
        dl4j.fit(new DataSet(x, y));
        forEachParameter(spec, nativeBackend, (layer, dl4jIndex, name, nativeValue, nativeGradient) -> {
            INDArray dl4jValue = dl4j.getLayer(dl4jIndex).paramTable().get(name);
            assertClose("updated " + dl4jIndex + "_" + name, toNative(layer, name, dl4jValue, spec), nativeValue,
                    settings.optimizer() == Optimizer.ADAM ? 2e-4 : 2e-5);
        });
        for (Layer layer : nativeBackend.network().layers) {
            if (layer instanceof BatchNormLayer norm) {
                Map<String, INDArray> table = dl4j.getLayer(dl4jIndex(spec, layer.specIndex)).paramTable();
                assertClose("running mean", table.get("mean").reshape(norm.runningMean.shape()), norm.runningMean, 1e-5);
                assertClose("running variance", dl4jVariance(table).reshape(norm.runningVariance.shape()), norm.runningVariance, 1e-4);
            }
        }
    }

    @FunctionalInterface
    private interface ParameterVisitor {
        void visit(Layer layer, int dl4jIndex, String name, INDArray value, INDArray gradient);
    }

    private static void forEachParameter(NetworkSpec spec, NativeOpsBackend backend, ParameterVisitor visitor) {
        for (Layer layer : backend.network().layers) {
            int index = dl4jIndex(spec, layer.specIndex);
            if (layer instanceof ConvLayer conv) {
                visitor.visit(layer, index, "W", conv.weights, conv.weightGradient);
                visitor.visit(layer, index, "b", conv.bias, conv.biasGradient);
            } else if (layer instanceof DenseLayer dense) {
                visitor.visit(layer, index, "W", dense.weights, dense.weightGradient);
                visitor.visit(layer, index, "b", dense.bias, dense.biasGradient);
            } else if (layer instanceof BatchNormLayer norm) {
                visitor.visit(layer, index, "gamma", norm.gamma, norm.gammaGradient);
                visitor.visit(layer, index, "beta", norm.beta, norm.betaGradient);
            }
        }
    }

    /** Deeplearning4j has no Flatten layer: its layer index is the spec index less the Flattens before. */
    private static int dl4jIndex(NetworkSpec spec, int specIndex) {
        int flattens = 0;
        for (int i = 0; i < specIndex; i++) {
            if (spec.layers().get(i) instanceof FlattenSpec) {
                flattens++;
            }
        }
        return specIndex - flattens;
    }

    private static void copyWeights(NetworkSpec spec, NativeOpsBackend backend, MultiLayerNetwork dl4j) {
        forEachParameter(spec, backend, (layer, dl4jIndex, name, value, gradient) -> {
            INDArray target = dl4j.getLayer(dl4jIndex).paramTable().get(name);
            target.assign(toDl4j(layer, name, value, spec).reshape(target.shape()));
            dl4j.getLayer(dl4jIndex).setParam(name, target);
        });
    }

    /** Native [kH, kW, inC, outC] to Deeplearning4j [outC, inC, kH, kW]; dense rows from (h, w, c) to (c, h, w). */
    private static INDArray toDl4j(Layer layer, String name, INDArray value, NetworkSpec spec) {
        if (layer instanceof ConvLayer && name.equals("W")) {
            return value.permute(3, 2, 0, 1).dup('c');
        }
        long[] image = flattenedImage(layer, spec);
        if (layer instanceof DenseLayer && name.equals("W") && image != null) {
            long out = value.size(1);
            return value.reshape('c', image[0], image[1], image[2], out).permute(2, 0, 1, 3).dup('c')
                    .reshape('c', value.size(0), out);
        }
        return value;
    }

    private static INDArray toNative(Layer layer, String name, INDArray value, NetworkSpec spec) {
        if (layer instanceof ConvLayer && name.equals("W")) {
            return value.permute(2, 3, 1, 0).dup('c');
        }
        long[] image = flattenedImage(layer, spec);
        if (layer instanceof DenseLayer && name.equals("W") && image != null) {
            long out = value.size(1);
            return value.dup('c').reshape('c', image[2], image[0], image[1], out).permute(1, 2, 0, 3).dup('c')
                    .reshape('c', value.size(0), out);
        }
        return value.reshape(value.length());
    }

    /** The image shape a Dense layer's input was flattened from, when it is the first Dense after Flatten. */
    private static long[] flattenedImage(Layer layer, NetworkSpec spec) {
        if (!(layer instanceof DenseLayer)) {
            return null;
        }
        List<LayerSpec> layers = spec.layers();
        for (int i = layer.specIndex - 1; i >= 0; i--) {
            if (layers.get(i) instanceof DenseSpec) {
                return null;
            }
            if (layers.get(i) instanceof FlattenSpec) {
                long[] shape = imageShapeBefore(spec, i);
                return shape[2] > 1 ? shape : null;
            }
        }
        return null;
    }

    private static long[] imageShapeBefore(NetworkSpec spec, int index) {
        CompiledNetwork compiled = CompiledNetwork.compile(spec, CLASSES, org.nd4j.linalg.api.buffer.DataType.FLOAT);
        return compiled.layers.get(index).inputShape;
    }

    private static INDArray dl4jVariance(Map<String, INDArray> table) {
        if (table.containsKey("var")) {
            return table.get("var");
        }
        // Deeplearning4j keeps log10 of the standard deviation sqrt(var + eps).
        INDArray std = org.nd4j.linalg.ops.transforms.Transforms.pow(Nd4j.valueArrayOf(table.get("log10stdev").shape(), 10.0f),
                table.get("log10stdev"), true);
        return std.muli(std).subi(BatchNormLayer.EPSILON);
    }

    private static void assertClose(String what, INDArray expected, INDArray actual, double tolerance) {
        double[] e = expected.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).reshape(expected.length()).toDoubleVector();
        double[] a = actual.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).reshape(actual.length()).toDoubleVector();
        assertThat(a.length).as(what + " size").isEqualTo(e.length);
        double scale = 0;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            assertThat(Math.abs(a[i] - e[i]))
                    .as("%s[%d]: native %s, Deeplearning4j %s", what, i, a[i], e[i])
                    .isLessThanOrEqualTo(tolerance * Math.max(1, scale));
        }
    }
}
