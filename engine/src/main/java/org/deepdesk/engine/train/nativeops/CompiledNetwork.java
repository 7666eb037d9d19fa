package org.deepdesk.engine.train.nativeops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.ActivationSpec;
import org.deepdesk.engine.spec.AvgPool2DSpec;
import org.deepdesk.engine.spec.BatchNormSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.NetworkSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A validated network spec turned into layers with their shapes, plus the flat parameter,
 * gradient and state arrays the layers hold views of.
 */
final class CompiledNetwork {

    /** Whether Conv(ReLU) + MaxPool runs as Conv + MaxPool + ReLU, which gives the same values and gradients. */
    static final boolean POOL_BEFORE_RELU = !Boolean.getBoolean("deepdesk.nativeops.reluBeforePool");

    final DataType dataType;
    final ImageShape input;
    final int classCount;
    final List<Layer> layers;
    final INDArray parameters;
    final INDArray gradients;
    final INDArray state;

    private CompiledNetwork(DataType dataType, ImageShape input, int classCount, List<Layer> layers) {
        this.dataType = dataType;
        this.input = input;
        this.classCount = classCount;
        this.layers = Collections.unmodifiableList(layers);
        long parameterCount = 0;
        long stateCount = 0;
        for (Layer layer : layers) {
            parameterCount += layer.parameterCount();
            stateCount += layer.stateCount();
        }
        this.parameters = Nd4j.create(dataType, Math.max(1, parameterCount));
        this.gradients = Nd4j.create(dataType, Math.max(1, parameterCount));
        this.state = Nd4j.create(dataType, Math.max(1, stateCount));
        long parameterOffset = 0;
        long stateOffset = 0;
        for (Layer layer : layers) {
            layer.attach(parameters, gradients, parameterOffset, state, stateOffset);
            parameterOffset += layer.parameterCount();
            stateOffset += layer.stateCount();
        }
    }

    /** Compiles a spec that {@code ShapeInference} accepted: the last layer is a softmax Dense. */
    static CompiledNetwork compile(NetworkSpec spec, int classCount, DataType dataType) {
        List<Layer> layers = new ArrayList<>();
        ImageShape image = spec.input();
        long[] shape = {image.height(), image.width(), image.channels()};
        List<LayerSpec> specs = spec.layers();
        for (int index = 0; index < specs.size(); index++) {
            LayerSpec layerSpec = specs.get(index);
            boolean last = index == specs.size() - 1;
            Layer layer;
            if (layerSpec instanceof Conv2DSpec conv) {
                layer = new ConvLayer(index, shape, conv);
            } else if (layerSpec instanceof MaxPool2DSpec pool) {
                layer = new PoolLayer(index, shape, true, pool.size(), pool.stride());
            } else if (layerSpec instanceof AvgPool2DSpec pool) {
                layer = new PoolLayer(index, shape, false, pool.size(), pool.stride());
            } else if (layerSpec instanceof DenseSpec dense) {
                boolean output = last && dense.activation() == Activation.SOFTMAX;
                if (!output && dense.activation() == Activation.SOFTMAX) {
                    throw new IllegalArgumentException("softmax is only supported in the output layer");
                }
                layer = new DenseLayer(index, shape, dense.units(), dense.activation(), output);
            } else if (layerSpec instanceof DropoutSpec dropout) {
                layer = new DropoutLayer(index, shape, dropout.rate());
            } else if (layerSpec instanceof BatchNormSpec) {
                layer = new BatchNormLayer(index, shape);
            } else if (layerSpec instanceof ActivationSpec activation) {
                layer = new ActivationLayer(index, shape, activation.activation());
            } else if (layerSpec instanceof FlattenSpec) {
                layer = new FlattenLayer(index, shape);
            } else {
                throw new IllegalArgumentException("unsupported layer " + layerSpec);
            }
            layers.add(layer);
            shape = layer.outputShape;
        }
        if (POOL_BEFORE_RELU) {
            for (int index = 0; index + 1 < layers.size(); index++) {
                if (layers.get(index) instanceof ConvLayer conv && conv.activation() == Activation.RELU
                        && layers.get(index + 1) instanceof PoolLayer pool && pool.isMax()) {
                    conv.handOverActivation();
                    pool.takeOverRelu();
                }
            }
        }
        if (layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof DenseLayer dense) || !dense.isOutputLayer()) {
            throw new IllegalArgumentException("the last layer must be a softmax Dense layer");
        }
        if (shape[0] != classCount) {
            throw new IllegalArgumentException("the output layer has " + shape[0] + " units for " + classCount + " classes");
        }
        return new CompiledNetwork(dataType, spec.input(), classCount, layers);
    }

    /** A 0/1 array over the parameters that marks the kernels of Conv2D and Dense layers, which L2 decays. */
    INDArray weightMask() {
        INDArray mask = Nd4j.create(dataType, parameters.length());
        long offset = 0;
        for (Layer layer : layers) {
            long kernel = layer instanceof ConvLayer conv ? conv.weights.length()
                    : layer instanceof DenseLayer dense ? dense.weights.length() : 0;
            if (kernel > 0) {
                mask.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + kernel)).assign(1);
            }
            offset += layer.parameterCount();
        }
        return mask;
    }

    void initialize(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Layer layer : layers) {
            layer.initialize(random);
        }
    }

    long parameterCount() {
        long count = 0;
        for (Layer layer : layers) {
            count += layer.parameterCount();
        }
        return count;
    }

    long stateCount() {
        long count = 0;
        for (Layer layer : layers) {
            count += layer.stateCount();
        }
        return count;
    }

    /** A text that names every layer and its parameter count, written into weight files to catch mismatches. */
    String signature() {
        StringBuilder text = new StringBuilder();
        for (Layer layer : layers) {
            text.append(layer.getClass().getSimpleName()).append(':').append(layer.parameterCount())
                    .append('/').append(layer.stateCount()).append(';');
        }
        return text.toString();
    }
}
