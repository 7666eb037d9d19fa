package org.deepdesk.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.train.Backend;
import org.deepdesk.engine.train.TrainableNetwork;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LayerOutputsTest {

    /** Every preset on every backend, since each backend exposes its layers its own way. */
    static Stream<Arguments> presets() {
        return Presets.IDS.stream().flatMap(id -> Stream.of(Backend.values()).map(backend -> Arguments.of(id, backend)));
    }

    @ParameterizedTest
    @MethodSource("presets")
    void featureMapsMatchInferredShapes(String preset, Backend backend) {
        NetworkDocument document = Presets.load(preset);
        TrainableNetwork network = TrainableNetwork.create(document.network(), document.training(), 10, backend);
        List<LayerSummary> expected = ShapeInference.summarize(document.network(), 10).layers();

        List<LayerOutput> outputs = network.layerOutputs(new float[784]);

        assertThat(outputs).hasSameSizeAs(expected);
        for (int i = 0; i < outputs.size(); i++) {
            assertThat(outputs.get(i).shape()).as("layer %d shape", i + 1).isEqualTo(expected.get(i).output().orElseThrow());
            assertThat((long) outputs.get(i).values().length).as("layer %d size", i + 1)
                    .isEqualTo(expected.get(i).output().orElseThrow().size());
        }
    }

    @ParameterizedTest
    @MethodSource("presets")
    void lastOutputIsTheProbabilities(String preset, Backend backend) {
        NetworkDocument document = Presets.load(preset);
        TrainableNetwork network = TrainableNetwork.create(document.network(), document.training(), 10, backend);
        float[] image = new float[784];
        image[400] = 1;

        List<LayerOutput> outputs = network.layerOutputs(image);

        float[] probabilities = network.predict(image);
        float[] last = outputs.get(outputs.size() - 1).values();
        assertThat(last).hasSameSizeAs(probabilities);
        for (int i = 0; i < last.length; i++) {
            assertThat(last[i]).as("class %d", i).isCloseTo(probabilities[i], org.assertj.core.api.Assertions.within(1e-5f));
        }
    }

    @ParameterizedTest
    @MethodSource("presets")
    void filtersOfEveryConvolution(String preset, Backend backend) {
        NetworkDocument document = Presets.load(preset);
        TrainableNetwork network = TrainableNetwork.create(document.network(), document.training(), 10, backend);
        long convolutions = document.network().layers().stream()
                .filter(org.deepdesk.engine.spec.Conv2DSpec.class::isInstance).count();

        List<ConvFilters> filters = network.convFilters();

        assertThat(filters).hasSize((int) convolutions);
        for (ConvFilters layer : filters) {
            assertThat(layer.weights()).hasSize(layer.filters() * layer.inputChannels() * layer.kernel() * layer.kernel());
        }
    }
}
