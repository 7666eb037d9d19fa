package org.deepdesk.engine.train.nativeops;

import java.util.List;
import org.deepdesk.engine.train.LayerWeights;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies {@link LayerWeights} into a compiled network. Its layouts are the channels-last ones the
 * layers keep, so every array is a plain copy after a size check.
 */
final class WeightImport {

    private WeightImport() {
    }

    static void load(CompiledNetwork network, List<LayerWeights> weights) {
        for (LayerWeights layerWeights : weights) {
            Layer layer = layerAt(network, layerWeights.layerIndex());
            if (layerWeights instanceof LayerWeights.Kernel kernel) {
                loadKernel(layer, kernel);
            } else if (layerWeights instanceof LayerWeights.Normalization normalization) {
                loadNormalization(layer, normalization);
            }
        }
    }

    private static void loadKernel(Layer layer, LayerWeights.Kernel values) {
        if (layer instanceof ConvLayer conv) {
            copy(values.kernel(), conv.weights, conv.weightShapeCanonical(), layer, "kernel");
            copy(values.bias(), conv.bias, conv.bias.shape(), layer, "bias");
        } else if (layer instanceof DenseLayer dense) {
            copy(values.kernel(), dense.weights, dense.weights.shape(), layer, "kernel");
            copy(values.bias(), dense.bias, dense.bias.shape(), layer, "bias");
        } else {
            throw new IllegalArgumentException("layer " + layer.specIndex + " has no kernel: " + layer.getClass().getSimpleName());
        }
    }

    private static void loadNormalization(Layer layer, LayerWeights.Normalization values) {
        if (!(layer instanceof BatchNormLayer norm)) {
            throw new IllegalArgumentException("layer " + layer.specIndex + " is not BatchNorm: " + layer.getClass().getSimpleName());
        }
        copy(values.gamma(), norm.gamma, norm.gamma.shape(), layer, "gamma");
        copy(values.beta(), norm.beta, norm.beta.shape(), layer, "beta");
        copy(values.mean(), norm.runningMean, norm.runningMean.shape(), layer, "mean");
        copy(values.variance(), norm.runningVariance, norm.runningVariance.shape(), layer, "variance");
    }

    private static void copy(float[] values, INDArray target, long[] shape, Layer layer, String name) {
        if (values.length != target.length()) {
            throw new IllegalArgumentException("layer " + layer.specIndex + " " + name + ": " + values.length
                    + " values, expected " + target.length());
        }
        // The target is a view into the network's flat parameter or state array, so it is assigned in place.
        target.assign(Nd4j.create(values, shape, 'c').castTo(target.dataType()).reshape(target.shape()));
    }

    private static Layer layerAt(CompiledNetwork network, int specIndex) {
        for (Layer layer : network.layers) {
            if (layer.specIndex == specIndex) {
                return layer;
            }
        }
        throw new IllegalArgumentException("no layer with weights at index " + specIndex);
    }
}
