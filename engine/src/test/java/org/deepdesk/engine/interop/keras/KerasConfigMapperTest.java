package org.deepdesk.engine.interop.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.deepdesk.engine.EngineException;
import org.junit.jupiter.api.Test;

/** The config mapping on its own, for configs that need no weights to show the problem. */
class KerasConfigMapperTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A Keras 1 config saved under a 2.x version: nb_filter and output_dim instead of filters and units. */
    @Test
    void kerasOneFieldsAreNamedAsMissing() throws Exception {
        JsonNode config = MAPPER.readTree("""
                {"class_name": "Sequential", "config": {"name": "old", "layers": [
                  {"class_name": "Conv2D", "config": {"name": "conv", "nb_filter": 8, "kernel_size": [3, 3],
                   "activation": "relu", "batch_input_shape": [null, 28, 28, 1]}},
                  {"class_name": "Flatten", "config": {"name": "flatten"}},
                  {"class_name": "Dense", "config": {"name": "out", "output_dim": 10, "activation": "softmax"}}
                ]}}""");

        assertThatThrownBy(() -> KerasConfigMapper.map(config, "old.h5"))
                .isInstanceOfSatisfying(EngineException.class, error -> {
                    assertThat(error.userMessage().key()).isEqualTo("error.keras.unsupported");
                    String english = error.localizedMessage(Locale.ENGLISH);
                    assertThat(english).contains("layer 'conv' without the field filters");
                    assertThat(english).contains("layer 'out' without the field units");
                });
    }

    @Test
    void completeConfigMaps() throws Exception {
        JsonNode config = MAPPER.readTree("""
                {"class_name": "Sequential", "config": {"name": "fine", "layers": [
                  {"class_name": "Flatten", "config": {"name": "flatten", "batch_input_shape": [null, 28, 28]}},
                  {"class_name": "Dropout", "config": {"name": "drop", "rate": 0.2}},
                  {"class_name": "Dense", "config": {"name": "out", "units": 10, "activation": "softmax"}}
                ]}}""");

        KerasStack stack = KerasConfigMapper.map(config, "fine.h5");

        assertThat(stack.layers()).hasSize(3);
        assertThat(stack.name()).isEqualTo("fine");
    }
}
