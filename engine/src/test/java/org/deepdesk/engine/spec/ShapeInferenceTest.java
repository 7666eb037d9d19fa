package org.deepdesk.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShapeInferenceTest {

    private static final int CLASSES = 10;

    private static final DenseSpec OUTPUT = new DenseSpec(CLASSES, Activation.SOFTMAX);

    /** The expected summary of one preset, with the layer lists in stack order. */
    record PresetCase(String id, List<Shape> outputs, List<Long> parameters, long total) {

        @Override
        public String toString() {
            return id;
        }
    }

    /** A stack whose last layer should get {@code output} and {@code parameters}. */
    record LayerCase(String label, ImageShape input, List<LayerSpec> layers, Shape output, long parameters) {

        @Override
        public String toString() {
            return label;
        }
    }

    /** A stack with exactly one failing layer, at {@code index} counted from 0. */
    record InvalidCase(String label, ImageShape input, List<LayerSpec> layers, String key, int index) {

        @Override
        public String toString() {
            return label;
        }
    }

    /** A stack whose layers all work but which fails as a whole. */
    record NetworkCase(String label, ImageShape input, List<LayerSpec> layers, String key) {

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<PresetCase> presets() {
        // The reference CNN's numbers match Keras' model.summary() of the same stack.
        return Stream.of(
                new PresetCase("reference-cnn",
                        List.of(image(26, 26, 32), image(13, 13, 32), image(11, 11, 64), image(5, 5, 64),
                                image(3, 3, 64), vector(576), vector(64), vector(10)),
                        List.of(320L, 0L, 18_496L, 0L, 36_928L, 0L, 36_928L, 650L),
                        93_322),
                new PresetCase("lenet5",
                        List.of(image(28, 28, 6), image(14, 14, 6), image(10, 10, 16), image(5, 5, 16),
                                vector(400), vector(120), vector(84), vector(10)),
                        List.of(156L, 0L, 2_416L, 0L, 0L, 48_120L, 10_164L, 850L),
                        61_706),
                new PresetCase("mlp",
                        List.of(vector(784), vector(128), vector(10)),
                        List.of(0L, 100_480L, 1_290L),
                        101_770),
                new PresetCase("softmax-regression",
                        List.of(vector(784), vector(10)),
                        List.of(0L, 7_850L),
                        7_850),
                new PresetCase("mnist-best",
                        List.of(image(28, 28, 32), image(28, 28, 32), image(28, 28, 32), image(26, 26, 32),
                                image(13, 13, 32), image(13, 13, 32), image(13, 13, 64), image(13, 13, 64),
                                image(13, 13, 64), image(11, 11, 64), image(5, 5, 64), image(5, 5, 64),
                                vector(1600), vector(128), vector(128), vector(10)),
                        List.of(320L, 128L, 0L, 9_248L, 0L, 0L, 18_496L, 256L, 0L, 36_928L, 0L, 0L, 0L,
                                204_928L, 0L, 1_290L),
                        271_594));
    }

    static Stream<LayerCase> layerCases() {
        ImageShape mnist = ImageShape.MNIST;
        ImageShape odd = new ImageShape(7, 7, 4);
        ImageShape flatSource = new ImageShape(8, 8, 1);
        return Stream.of(
                new LayerCase("conv same stride 2", mnist,
                        List.of(new Conv2DSpec(8, 3, 2, Padding.SAME, Activation.RELU)), image(14, 14, 8), 80),
                new LayerCase("conv valid stride 2", mnist,
                        List.of(new Conv2DSpec(8, 3, 2, Padding.VALID, Activation.RELU)), image(13, 13, 8), 80),
                new LayerCase("conv same stride 2 odd", odd,
                        List.of(new Conv2DSpec(8, 3, 2, Padding.SAME, Activation.RELU)), image(4, 4, 8), 296),
                new LayerCase("conv valid stride 2 odd", odd,
                        List.of(new Conv2DSpec(8, 3, 2, Padding.VALID, Activation.RELU)), image(3, 3, 8), 296),
                new LayerCase("conv same keeps size", mnist,
                        List.of(new Conv2DSpec(6, 5, 1, Padding.SAME, Activation.TANH)), image(28, 28, 6), 156),
                new LayerCase("conv same kernel over input", new ImageShape(3, 3, 2),
                        List.of(new Conv2DSpec(4, 5, 1, Padding.SAME, Activation.RELU)), image(3, 3, 4), 204),
                new LayerCase("conv valid kernel equals input", new ImageShape(3, 3, 2),
                        List.of(new Conv2DSpec(4, 3, 1, Padding.VALID, Activation.LINEAR)), image(1, 1, 4), 76),
                new LayerCase("max pool halves", new ImageShape(28, 28, 3),
                        List.of(MaxPool2DSpec.of(2)), image(14, 14, 3), 0),
                new LayerCase("max pool overlapping", new ImageShape(7, 7, 1),
                        List.of(new MaxPool2DSpec(3, 2)), image(3, 3, 1), 0),
                new LayerCase("avg pool floors", new ImageShape(5, 5, 16),
                        List.of(AvgPool2DSpec.of(2)), image(2, 2, 16), 0),
                new LayerCase("avg pool stride 1", new ImageShape(5, 5, 2),
                        List.of(new AvgPool2DSpec(3, 1)), image(3, 3, 2), 0),
                new LayerCase("batch norm on image", new ImageShape(13, 13, 32),
                        List.of(new BatchNormSpec()), image(13, 13, 32), 128),
                new LayerCase("batch norm on vector", flatSource,
                        List.of(new FlattenSpec(), new BatchNormSpec()), vector(64), 256),
                new LayerCase("dropout on image", new ImageShape(13, 13, 32),
                        List.of(new DropoutSpec(0.5)), image(13, 13, 32), 0),
                new LayerCase("dropout zero on vector", flatSource,
                        List.of(new FlattenSpec(), new DropoutSpec(0)), vector(64), 0),
                new LayerCase("flatten image", new ImageShape(5, 5, 64),
                        List.of(new FlattenSpec()), vector(1600), 0),
                new LayerCase("activation on image", new ImageShape(13, 13, 32),
                        List.of(new ActivationSpec(Activation.RELU)), image(13, 13, 32), 0),
                new LayerCase("activation on vector", flatSource,
                        List.of(new FlattenSpec(), new ActivationSpec(Activation.TANH)), vector(64), 0),
                new LayerCase("dense on vector", new ImageShape(3, 3, 64),
                        List.of(new FlattenSpec(), new DenseSpec(64, Activation.RELU)), vector(64), 36_928));
    }

    static Stream<InvalidCase> invalidStacks() {
        ImageShape mnist = ImageShape.MNIST;
        return Stream.of(
                new InvalidCase("dense before flatten", mnist,
                        List.of(OUTPUT), "problem.dense.needsFlatten", 0),
                new InvalidCase("conv after flatten", mnist,
                        List.of(new FlattenSpec(), Conv2DSpec.relu(8, 3), new FlattenSpec(), OUTPUT),
                        "problem.conv.needsImage", 1),
                new InvalidCase("pool after flatten", mnist,
                        List.of(new FlattenSpec(), AvgPool2DSpec.of(2), OUTPUT),
                        "problem.pool.needsImage", 1),
                new InvalidCase("kernel larger than input", mnist,
                        List.of(Conv2DSpec.relu(32, 3), MaxPool2DSpec.of(2), Conv2DSpec.relu(64, 3),
                                MaxPool2DSpec.of(2), MaxPool2DSpec.of(2), Conv2DSpec.relu(64, 3),
                                new FlattenSpec(), OUTPUT),
                        "problem.conv.kernelTooLarge", 5),
                // 28 -> 14 -> 7 -> 3 -> 1, so the fifth pooling window no longer fits.
                new InvalidCase("pool window larger than input", mnist,
                        List.of(MaxPool2DSpec.of(2), MaxPool2DSpec.of(2), MaxPool2DSpec.of(2), MaxPool2DSpec.of(2),
                                MaxPool2DSpec.of(2), new FlattenSpec(), OUTPUT),
                        "problem.pool.windowTooLarge", 4),
                new InvalidCase("zero filters", mnist,
                        List.of(Conv2DSpec.relu(0, 3), new FlattenSpec(), OUTPUT), "problem.conv.filters", 0),
                new InvalidCase("zero kernel", mnist,
                        List.of(Conv2DSpec.relu(8, 0), new FlattenSpec(), OUTPUT), "problem.kernel.tooSmall", 0),
                new InvalidCase("zero pool size", mnist,
                        List.of(new MaxPool2DSpec(0, 1), new FlattenSpec(), OUTPUT), "problem.kernel.tooSmall", 0),
                new InvalidCase("zero stride", mnist,
                        List.of(new Conv2DSpec(8, 3, 0, Padding.SAME, Activation.RELU), new FlattenSpec(), OUTPUT),
                        "problem.stride.tooSmall", 0),
                new InvalidCase("zero pool stride", mnist,
                        List.of(new AvgPool2DSpec(2, 0), new FlattenSpec(), OUTPUT), "problem.stride.tooSmall", 0),
                new InvalidCase("negative dropout", mnist,
                        List.of(new FlattenSpec(), new DropoutSpec(-0.1), OUTPUT), "problem.dropout.rate", 1),
                new InvalidCase("dropout of one", mnist,
                        List.of(new FlattenSpec(), new DropoutSpec(1.0), OUTPUT), "problem.dropout.rate", 1),
                new InvalidCase("dropout not a number", mnist,
                        List.of(new FlattenSpec(), new DropoutSpec(Double.NaN), OUTPUT), "problem.dropout.rate", 1),
                new InvalidCase("dense softmax not last", mnist,
                        List.of(new FlattenSpec(), new DenseSpec(64, Activation.SOFTMAX), OUTPUT),
                        "problem.softmax.notLast", 1),
                new InvalidCase("conv softmax", mnist,
                        List.of(new Conv2DSpec(8, 3, 1, Padding.VALID, Activation.SOFTMAX), new FlattenSpec(), OUTPUT),
                        "problem.softmax.notLast", 0),
                new InvalidCase("zero dense units", mnist,
                        List.of(new FlattenSpec(), new DenseSpec(0, Activation.RELU), OUTPUT), "problem.dense.units", 1),
                new InvalidCase("dense weights overflow", new ImageShape(100_000, 100_000, 1_000),
                        List.of(new FlattenSpec(), new DenseSpec(Integer.MAX_VALUE, Activation.RELU), OUTPUT), "problem.dense.tooLarge", 1),
                new InvalidCase("wrong output units", mnist,
                        List.of(new FlattenSpec(), new DenseSpec(9, Activation.SOFTMAX)), "problem.output.classCount", 1),
                new InvalidCase("flatten twice", mnist,
                        List.of(new FlattenSpec(), new FlattenSpec(), OUTPUT), "problem.flatten.alreadyFlat", 1),
                new InvalidCase("softmax activation layer", ImageShape.MNIST,
                        List.of(new FlattenSpec(), new ActivationSpec(Activation.SOFTMAX), OUTPUT),
                        "problem.activation.softmax", 1));
    }

    static Stream<NetworkCase> networkProblems() {
        return Stream.of(
                new NetworkCase("empty stack", ImageShape.MNIST, List.of(), "problem.network.empty"),
                new NetworkCase("last dense not softmax", ImageShape.MNIST,
                        List.of(new FlattenSpec(), new DenseSpec(CLASSES, Activation.RELU)),
                        "problem.network.noSoftmaxOutput"),
                new NetworkCase("ends in conv", ImageShape.MNIST,
                        List.of(Conv2DSpec.relu(8, 3)), "problem.network.noSoftmaxOutput"),
                new NetworkCase("zero input height", new ImageShape(0, 28, 1),
                        List.of(new FlattenSpec(), OUTPUT), "problem.input.invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void presetShapesAndParameters(PresetCase preset) {
        NetworkSummary summary = summarize(Presets.load(preset.id()).network());

        assertThat(outputs(summary)).isEqualTo(preset.outputs());
        assertThat(parameters(summary)).isEqualTo(preset.parameters());
        assertThat(summary.totalParameters()).isEqualTo(preset.total());
        assertThat(summary.isValid()).isTrue();
        assertThat(summary.firstProblem()).isEmpty();
    }

    @Test
    void presetTableCoversEveryPreset() {
        List<String> tested = presets().map(PresetCase::id).toList();

        assertThat(tested).containsExactlyInAnyOrderElementsOf(Presets.IDS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layerCases")
    void layerOutputShape(LayerCase layerCase) {
        NetworkSummary summary = summarize(new NetworkSpec(layerCase.label(), layerCase.input(), layerCase.layers()));
        LayerSummary last = summary.layers().get(summary.layers().size() - 1);

        assertThat(problemIndices(summary)).isEmpty();
        assertThat(last.output()).contains(layerCase.output());
        assertThat(last.parameters()).isEqualTo(layerCase.parameters());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStacks")
    void invalidStackNamesLayer(InvalidCase invalid) {
        NetworkSummary summary = summarize(new NetworkSpec(invalid.label(), invalid.input(), invalid.layers()));

        assertThat(problemIndices(summary)).containsExactly(invalid.index());

        Message problem = summary.layers().get(invalid.index()).problem().orElseThrow();
        assertThat(problem.key()).isEqualTo(invalid.key());
        assertThat(problem.arguments().get(0)).isEqualTo(invalid.index() + 1);
        assertThat(summary.firstProblem()).contains(problem);
        assertThat(summary.isValid()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStacks")
    void layersAfterProblemHaveNoShape(InvalidCase invalid) {
        NetworkSummary summary = summarize(new NetworkSpec(invalid.label(), invalid.input(), invalid.layers()));
        List<LayerSummary> after = summary.layers().subList(invalid.index(), summary.layers().size());

        assertThat(after).allSatisfy(layer -> assertThat(layer.output()).isEmpty());
        assertThat(after).allSatisfy(layer -> assertThat(layer.parameters()).isZero());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStacks")
    void problemTextNamesLayer(InvalidCase invalid) {
        NetworkSummary summary = summarize(new NetworkSpec(invalid.label(), invalid.input(), invalid.layers()));
        assertThat(summary.firstProblem()).isPresent();
        Message problem = summary.firstProblem().get();
        int number = invalid.index() + 1;

        String english = Messages.forLocale(Locale.ENGLISH).format(problem);
        String chinese = Messages.forLocale(Locale.SIMPLIFIED_CHINESE).format(problem);

        assertThat(english).startsWith("Layer " + number);
        assertThat(english).doesNotContainPattern("\\{\\d");
        assertThat(chinese).startsWith("第 " + number + " 层");
        assertThat(chinese).doesNotContainPattern("\\{\\d");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networkProblems")
    void networkProblemWithoutLayerProblem(NetworkCase network) {
        NetworkSummary summary = summarize(new NetworkSpec(network.label(), network.input(), network.layers()));

        assertThat(problemIndices(summary)).isEmpty();
        assertThat(summary.networkProblem().map(Message::key)).contains(network.key());
        assertThat(summary.firstProblem()).isEqualTo(summary.networkProblem());
        assertThat(summary.isValid()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networkProblems")
    void networkProblemTextFormats(NetworkCase network) {
        Message problem = summarize(new NetworkSpec(network.label(), network.input(), network.layers()))
                .networkProblem()
                .orElseThrow();

        String english = Messages.forLocale(Locale.ENGLISH).format(problem);
        String chinese = Messages.forLocale(Locale.SIMPLIFIED_CHINESE).format(problem);

        assertThat(english).doesNotContainPattern("\\{\\d");
        assertThat(english).doesNotStartWith("[");
        assertThat(chinese).doesNotContainPattern("\\{\\d");
        assertThat(chinese).doesNotStartWith("[");
    }

    @Test
    void invalidInputLeavesLayersUnshaped() {
        NetworkSpec network = new NetworkSpec("no height", new ImageShape(0, 28, 1), List.of(new FlattenSpec(), OUTPUT));

        NetworkSummary summary = summarize(network);

        assertThat(outputs(summary)).isEmpty();
        assertThat(summary.totalParameters()).isZero();
    }

    @Test
    void everyProblemKeyIsTested() {
        Set<String> tested = new TreeSet<>();
        invalidStacks().forEach(invalid -> tested.add(invalid.key()));
        networkProblems().forEach(network -> tested.add(network.key()));

        Set<String> bundled = Messages.forLocale(Locale.ENGLISH).bundle().keySet().stream()
                .filter(key -> key.startsWith("problem."))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(tested).isEqualTo(bundled);
    }

    private static NetworkSummary summarize(NetworkSpec network) {
        return ShapeInference.summarize(network, CLASSES);
    }

    /** Returns the output shapes of the layers that have one, in stack order. */
    private static List<Shape> outputs(NetworkSummary summary) {
        List<Shape> shapes = new ArrayList<>();
        for (LayerSummary layer : summary.layers()) {
            layer.output().ifPresent(shapes::add);
        }
        return Collections.unmodifiableList(shapes);
    }

    private static List<Long> parameters(NetworkSummary summary) {
        return summary.layers().stream().map(LayerSummary::parameters).toList();
    }

    private static List<Integer> problemIndices(NetworkSummary summary) {
        return summary.layers().stream()
                .filter(layer -> layer.problem().isPresent())
                .map(LayerSummary::index)
                .toList();
    }

    private static ImageShape image(int height, int width, int channels) {
        return new ImageShape(height, width, channels);
    }

    private static VectorShape vector(long length) {
        return new VectorShape(length);
    }
}
