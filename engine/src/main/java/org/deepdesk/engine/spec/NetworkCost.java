package org.deepdesk.engine.spec;

import java.util.List;
import java.util.Optional;

/**
 * The cost of every layer of a stack, see {@link CostModel}.
 *
 * @param layers one entry per layer, in order; empty where the layer's input shape is unknown
 *     because it or a layer before it cannot work
 */
public record NetworkCost(List<Optional<LayerCost>> layers) {

    public NetworkCost {
        layers = List.copyOf(layers);
    }

    /** Returns the multiply-adds of one forward pass of one sample, over the layers with a known cost. */
    public long totalMultiplyAdds() {
        return layers.stream().flatMap(Optional::stream).mapToLong(LayerCost::multiplyAdds).sum();
    }

    /** Returns the bytes of all layer outputs of one sample, over the layers with a known cost. */
    public long totalActivationBytes() {
        return layers.stream().flatMap(Optional::stream).mapToLong(LayerCost::activationBytes).sum();
    }
}
