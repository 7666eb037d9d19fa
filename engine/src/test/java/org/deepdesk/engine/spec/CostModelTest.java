package org.deepdesk.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CostModelTest {

    private static final int CLASSES = 10;

    /** One layer on {@code input}, with its expected multiply-adds and output bytes. */
    record LayerCase(String label, ImageShape input, List<LayerSpec> layers, long multiplyAdds, long bytes) {

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<LayerCase> layerCases() {
        ImageShape small = new ImageShape(6, 6, 2);
        return Stream.of(
                // 4x4 outputs x 3 filters, each 3x3x2 = 18 MACs; 48 floats out.
                new LayerCase("conv valid", small, List.of(Conv2DSpec.relu(3, 3)), 4 * 4 * 3 * 18, 48 * 4),
                // SAME keeps 6x6: 36 positions x 3 filters x 18.
                new LayerCase("conv same", small,
                        List.of(new Conv2DSpec(3, 3, 1, Padding.SAME, Activation.RELU)), 36 * 3 * 18, 108 * 4),
                new LayerCase("max pool", small, List.of(MaxPool2DSpec.of(2)), 0, 18 * 4),
                new LayerCase("avg pool", small, List.of(AvgPool2DSpec.of(3)), 0, 8 * 4),
                new LayerCase("batch norm", small, List.of(new BatchNormSpec()), 72, 72 * 4),
                new LayerCase("dropout", small, List.of(new DropoutSpec(0.5)), 0, 72 * 4),
                new LayerCase("activation", small, List.of(new ActivationSpec(Activation.TANH)), 0, 72 * 4),
                new LayerCase("flatten", small, List.of(new FlattenSpec()), 0, 72 * 4),
                new LayerCase("dense", small,
                        List.of(new FlattenSpec(), new DenseSpec(5, Activation.RELU)), 72 * 5, 5 * 4));
    }

    @ParameterizedTest
    @MethodSource("layerCases")
    void lastLayerCost(LayerCase layerCase) {
        NetworkSpec network = new NetworkSpec(layerCase.label(), layerCase.input(), layerCase.layers());
        NetworkCost cost = CostModel.estimate(network, ShapeInference.summarize(network, CLASSES));

        LayerCost last = cost.layers().get(layerCase.layers().size() - 1).orElseThrow();
        assertThat(last.multiplyAdds()).isEqualTo(layerCase.multiplyAdds());
        assertThat(last.activationBytes()).isEqualTo(layerCase.bytes());
    }

    @Test
    void referenceCnnByHand() {
        NetworkSpec network = Presets.load("reference-cnn").network();
        NetworkCost cost = CostModel.estimate(network, ShapeInference.summarize(network, CLASSES));

        // Conv: 26*26*32*(3*3*1), 11*11*64*(3*3*32), 3*3*64*(3*3*64); Dense: 576*64, 64*10.
        List<Long> multiplyAdds = List.of(194_688L, 0L, 2_230_272L, 0L, 331_776L, 0L, 36_864L, 640L);
        // Output values x 4 bytes: 26*26*32, 13*13*32, 11*11*64, 5*5*64, 3*3*64, 576, 64, 10.
        List<Long> bytes = List.of(86_528L, 21_632L, 30_976L, 6_400L, 2_304L, 2_304L, 256L, 40L);
        assertThat(cost.layers()).allMatch(Optional::isPresent);
        assertThat(cost.layers().stream().map(layer -> layer.orElseThrow().multiplyAdds()).toList())
                .isEqualTo(multiplyAdds);
        assertThat(cost.layers().stream().map(layer -> layer.orElseThrow().activationBytes()).toList())
                .isEqualTo(bytes);
        assertThat(cost.totalMultiplyAdds()).isEqualTo(2_794_240L);
        assertThat(cost.totalActivationBytes()).isEqualTo(150_440L);
    }

    @Test
    void failingLayerHasNoCost() {
        NetworkSpec network = new NetworkSpec("broken", ImageShape.MNIST, List.of(
                Conv2DSpec.relu(8, 3), new DenseSpec(10, Activation.SOFTMAX), new DropoutSpec(0.1)));
        NetworkCost cost = CostModel.estimate(network, ShapeInference.summarize(network, CLASSES));

        assertThat(cost.layers().get(0)).isPresent();
        assertThat(cost.layers().get(1)).isEmpty();
        assertThat(cost.layers().get(2)).isEmpty();
        assertThat(cost.totalMultiplyAdds()).isEqualTo(26 * 26 * 8 * 9);
    }
}
