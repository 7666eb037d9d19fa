package org.deepdesk.engine.spec;

/**
 * The compute and memory cost of one layer for one sample.
 *
 * @param multiplyAdds multiply-accumulate operations (MACs) of the forward pass
 * @param activationBytes bytes of the layer's output tensor in float32
 */
public record LayerCost(long multiplyAdds, long activationBytes) {
}
