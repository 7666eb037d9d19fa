package org.deepdesk.engine.train;

import java.util.List;
import java.util.Map;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Shape;
import org.deepdesk.engine.spec.ShapeInference;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Copies channels-last {@link LayerWeights} into a network that {@link Dl4jNetworkBuilder} built.
 * Deeplearning4j keeps convolution kernels as {@code [filters, input channels, height, width]}
 * and flattens images in channel, row, column order, so kernels are permuted, and the values
 * that follow a Flatten are reordered from row, column, channel order.
 */
final class Dl4jWeightImport {

    private Dl4jWeightImport() {
    }

    static void load(MultiLayerNetwork network, NetworkSpec spec, int classCount, List<LayerWeights> weights) {
        List<LayerSummary> summaries = ShapeInference.summarize(spec, classCount).layers();
        for (LayerWeights layerWeights : weights) {
            int index = layerWeights.layerIndex();
            Layer layer = network.getLayer(dl4jIndex(spec, index));
            ImageShape flattened = flattenedImageBefore(spec, summaries, index);
            if (layerWeights instanceof LayerWeights.Kernel kernel) {
                loadKernel(layer, kernel, flattened);
            } else if (layerWeights instanceof LayerWeights.Normalization normalization) {
                loadNormalization(layer, normalization, flattened);
            }
        }
    }

    private static void loadKernel(Layer layer, LayerWeights.Kernel values, ImageShape flattened) {
        Map<String, INDArray> table = layer.paramTable();
        INDArray weights = requireParam(table, "W", layer);
        INDArray kernel;
        if (weights.rank() == 4) {
            long[] shape = weights.shape();
            kernel = create(values.kernel(), layer, "kernel", shape[2], shape[3], shape[1], shape[0]).permute(3, 2, 0, 1);
        } else {
            kernel = create(values.kernel(), layer, "kernel", weights.size(0), weights.size(1));
            if (flattened != null) {
                kernel = channelsFirstRows(kernel, flattened);
            }
        }
        set(layer, "W", kernel);
        set(layer, "b", create(values.bias(), layer, "bias", requireParam(table, "b", layer).length()));
    }

    private static void loadNormalization(Layer layer, LayerWeights.Normalization values, ImageShape flattened) {
        Map<String, INDArray> table = layer.paramTable();
        long size = requireParam(table, BatchNormalizationParamInitializer.GAMMA, layer).length();
        set(layer, BatchNormalizationParamInitializer.GAMMA, vector(values.gamma(), layer, "gamma", size, flattened));
        set(layer, BatchNormalizationParamInitializer.BETA, vector(values.beta(), layer, "beta", size, flattened));
        set(layer, BatchNormalizationParamInitializer.GLOBAL_MEAN, vector(values.mean(), layer, "mean", size, flattened));
        INDArray variance = vector(values.variance(), layer, "variance", size, flattened);
        if (table.containsKey(BatchNormalizationParamInitializer.GLOBAL_LOG_STD)) {
            // Networks built since Deeplearning4j 1.0.0-beta4 keep log10 of the standard deviation instead.
            set(layer, BatchNormalizationParamInitializer.GLOBAL_LOG_STD, Transforms.log(Transforms.sqrt(variance), 10));
        } else {
            set(layer, BatchNormalizationParamInitializer.GLOBAL_VAR, variance);
        }
    }

    private static INDArray vector(float[] values, Layer layer, String name, long size, ImageShape flattened) {
        INDArray vector = create(values, layer, name, size);
        if (flattened == null) {
            return vector;
        }
        return channelsFirstRows(vector.reshape('c', size, 1), flattened).reshape(size);
    }

    /** Reorders the rows of {@code [height * width * channels, n]} from row, column, channel to channel, row, column order. */
    private static INDArray channelsFirstRows(INDArray rows, ImageShape image) {
        long columns = rows.size(1);
        return rows.reshape('c', image.height(), image.width(), image.channels(), columns)
                .permute(2, 0, 1, 3).dup('c')
                .reshape('c', rows.size(0), columns);
    }

    private static void set(Layer layer, String name, INDArray values) {
        INDArray target = layer.paramTable().get(name);
        target.assign(values.reshape(target.shape()));
        layer.setParam(name, target);
    }

    private static INDArray create(float[] values, Layer layer, String name, long... shape) {
        long expected = 1;
        for (long size : shape) {
            expected *= size;
        }
        if (values.length != expected) {
            throw new IllegalArgumentException("Deeplearning4j layer " + layer.getIndex() + " " + name + ": "
                    + values.length + " values, expected " + expected);
        }
        return Nd4j.create(values, shape, 'c');
    }

    private static INDArray requireParam(Map<String, INDArray> table, String name, Layer layer) {
        INDArray param = table.get(name);
        if (param == null) {
            throw new IllegalArgumentException("Deeplearning4j layer " + layer.getIndex() + " has no parameter " + name);
        }
        return param;
    }

    /** Deeplearning4j has no Flatten layer: its layer index is the spec index less the Flattens before. */
    private static int dl4jIndex(NetworkSpec spec, int specIndex) {
        int flattens = 0;
        for (int i = 0; i < specIndex; i++) {
            if (spec.layers().get(i) instanceof FlattenSpec) {
                flattens++;
            }
        }
        return specIndex - flattens;
    }

    /**
     * Returns the image that a Flatten turned into this layer's input, when no Dense layer comes
     * between them and it has more than one channel (with one channel both orders agree), or null.
     */
    private static ImageShape flattenedImageBefore(NetworkSpec spec, List<LayerSummary> summaries, int index) {
        List<LayerSpec> layers = spec.layers();
        for (int i = index - 1; i >= 0; i--) {
            if (layers.get(i) instanceof DenseSpec) {
                return null;
            }
            if (layers.get(i) instanceof FlattenSpec) {
                Shape input = i == 0 ? spec.input() : summaries.get(i - 1).output().orElse(null);
                return input instanceof ImageShape image && image.channels() > 1 ? image : null;
            }
        }
        return null;
    }
}
