package org.deepdesk.engine.inspect;

import org.deepdesk.engine.spec.Shape;

/**
 * One layer's output for one input image: the feature maps of a convolution or pooling layer, or
 * the values of a dense layer.
 *
 * @param layerIndex the layer's position in the stack, from 0
 * @param shape the output shape
 * @param values the output, channel after channel, each channel row-major (C, H, W order) for
 *     image shapes; plain order for vectors
 */
public record LayerOutput(int layerIndex, Shape shape, float[] values) {
}
