package org.deepdesk.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts the multiply-adds (MACs) and activation memory of each layer for one sample, from the
 * shapes that {@link ShapeInference} found.
 *
 * <p>A convolution costs
 * {@code outHeight * outWidth * filters * kernel * kernel * inChannels} MACs and a Dense layer
 * {@code inputs * units}. Biases are not counted. BatchNorm costs one multiply-add per value,
 * because at prediction time it folds into a scale and a shift. Pooling, Dropout, Flatten and
 * Activation layers do comparisons, copies or element-wise functions and cost no MACs. Activation
 * memory is the layer's output in float32; the input image is not included.
 */
public final class CostModel {

    /** Bytes per value: networks train in float32. */
    public static final int BYTES_PER_VALUE = Float.BYTES;

    private CostModel() {
    }

    public static NetworkCost estimate(NetworkSpec network, NetworkSummary summary) {
        List<Optional<LayerCost>> costs = new ArrayList<>();
        Optional<Shape> input = Optional.of(network.input());

        for (LayerSummary layer : summary.layers()) {
            Optional<Shape> output = layer.problem().isPresent() ? Optional.empty() : layer.output();
            if (input.isPresent() && output.isPresent()) {
                costs.add(Optional.of(cost(layer.layer(), input.get(), output.get())));
            } else {
                costs.add(Optional.empty());
            }
            input = output;
        }
        return new NetworkCost(costs);
    }

    private static LayerCost cost(LayerSpec layer, Shape input, Shape output) {
        long bytes = output.size() * BYTES_PER_VALUE;
        return new LayerCost(multiplyAdds(layer, input, output), bytes);
    }

    private static long multiplyAdds(LayerSpec layer, Shape input, Shape output) {
        if (layer instanceof Conv2DSpec conv && input instanceof ImageShape image) {
            long perOutput = (long) conv.kernel() * conv.kernel() * image.channels();
            return output.size() * perOutput;
        }
        if (layer instanceof DenseSpec) {
            return input.size() * output.size();
        }
        if (layer instanceof BatchNormSpec) {
            return output.size();
        }
        return 0;
    }
}
