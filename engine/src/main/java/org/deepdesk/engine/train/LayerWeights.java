package org.deepdesk.engine.train;

/**
 * Trained values for one layer of a network spec, brought in from outside DeepDesk, in the
 * channels-last layout that Keras and the native-ops backend share. Each backend copies them into
 * its own layout with {@link NetworkBackend#loadWeights}.
 */
public sealed interface LayerWeights permits LayerWeights.Kernel, LayerWeights.Normalization {

    /** The position of the layer in the spec's stack, from 0. */
    int layerIndex();

    /**
     * The weights of a Conv2D or Dense layer.
     *
     * @param kernel Conv2D: {@code [kernel height, kernel width, input channels, filters]};
     *     Dense: {@code [inputs, units]}, where inputs that come from a Flatten are in row, column,
     *     channel order
     * @param bias one value per filter or unit
     */
    record Kernel(int layerIndex, float[] kernel, float[] bias) implements LayerWeights {
    }

    /**
     * The scale, shift and running statistics of a BatchNorm layer, one value per channel.
     *
     * @param variance the running variance to use with DeepDesk's epsilon of 1e-5; a source with
     *     another epsilon adds the difference, so that {@code sqrt(variance + 1e-5)} is unchanged
     */
    record Normalization(int layerIndex, float[] gamma, float[] beta, float[] mean, float[] variance)
            implements LayerWeights {
    }
}
