package org.deepdesk.engine.spec;

import java.util.Optional;
import org.deepdesk.i18n.Message;

/**
 * What shape inference found for one layer.
 *
 * @param index position in the stack, from 0
 * @param layer the spec
 * @param output the output shape, or empty when this layer or one before it cannot work
 * @param parameters number of learned and tracked values (weights, biases, batch-norm statistics)
 * @param problem why the layer cannot work and what would fix it, or empty when it works
 */
public record LayerSummary(int index, LayerSpec layer, Optional<Shape> output, long parameters, Optional<Message> problem) {
}
