package org.deepdesk.engine.spec;

/**
 * A fully connected layer from a flat vector of N features to {@code units} outputs.
 * The last layer of every network is a Dense layer with softmax, one unit per class.
 *
 * @param units number of outputs
 * @param activation applied to every output
 */
@LayerType("Dense")
public record DenseSpec(int units, Activation activation) implements LayerSpec {
}
