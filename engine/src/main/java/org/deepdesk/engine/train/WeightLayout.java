package org.deepdesk.engine.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.i18n.Message;

/**
 * The parameter count of every layer, as a model file's manifest records it next to the weights.
 * Comparing it with the counts of the file's network document catches a hand-edited
 * {@code network.json} that no longer fits the weights, and names the first layer that differs,
 * before any backend reads the weights.
 *
 * @param parameters one count per layer, in stack order
 */
record WeightLayout(List<Long> parameters) {

    /** The manifest field; files saved before it existed lack it and are not checked this way. */
    static final String FIELD = "layerParameters";

    WeightLayout {
        parameters = List.copyOf(parameters);
    }

    static WeightLayout of(NetworkSummary summary) {
        return new WeightLayout(summary.layers().stream().map(LayerSummary::parameters).toList());
    }

    void writeTo(ObjectNode manifest) {
        ArrayNode counts = manifest.putArray(FIELD);
        parameters.forEach(counts::add);
    }

    /** Returns the recorded layout, or empty when the manifest has none or it is not a list of counts. */
    static Optional<WeightLayout> readFrom(JsonNode manifest) {
        JsonNode counts = manifest.path(FIELD);
        if (!counts.isArray()) {
            return Optional.empty();
        }
        List<Long> parameters = new ArrayList<>();
        for (JsonNode count : counts) {
            if (!count.canConvertToLong()) {
                return Optional.empty();
            }
            parameters.add(count.asLong());
        }
        return Optional.of(new WeightLayout(parameters));
    }

    /**
     * Returns why the network document does not fit weights saved with this layout, or empty when it fits.
     *
     * @param network the layout of the file's network document
     * @param layers the document's layers, for the layer type in the message
     */
    Optional<Message> mismatch(WeightLayout network, List<LayerSpec> layers, String fileName) {
        if (parameters.size() != network.parameters.size()) {
            return Optional.of(Message.of("error.model.layerCountMismatch", fileName, network.parameters.size(), parameters.size()));
        }
        for (int i = 0; i < parameters.size(); i++) {
            long expected = network.parameters.get(i);
            long saved = parameters.get(i);
            if (expected != saved) {
                return Optional.of(Message.of("error.model.weightsMismatch",
                        fileName, i + 1, layers.get(i).typeName(), expected, saved));
            }
        }
        return Optional.empty();
    }
}
