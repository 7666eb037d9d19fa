package org.deepdesk.engine.train;

import java.util.List;
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
import org.deepdesk.engine.spec.Padding;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Translates a validated {@link NetworkSpec} into a Deeplearning4j configuration.
 *
 * <p>Flatten has no Deeplearning4j layer: the layer after it gets an explicit
 * {@link CnnToFeedForwardPreProcessor}, so that a BatchNorm or Dropout right after Flatten works
 * on the flat vector, as the shape inference assumes.
 */
final class Dl4jNetworkBuilder {

    private Dl4jNetworkBuilder() {
    }

    static MultiLayerConfiguration configuration(NetworkSpec spec, TrainingSettings settings) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .updater(updater(settings))
                // Deeplearning4j applies l2 to weights only, as Keras kernel_regularizer does.
                .l2(settings.weightDecay())
                // Glorot uniform, as Keras initialises Conv2D and Dense kernels.
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .list();

        List<LayerSpec> layers = spec.layers();
        ImageShape imageShape = spec.input();
        boolean sawSpatialLayer = false;
        boolean flattenPending = false;
        int dl4jIndex = 0;

        for (int index = 0; index < layers.size(); index++) {
            LayerSpec layer = layers.get(index);
            if (layer instanceof FlattenSpec) {
                flattenPending = sawSpatialLayer;
                continue;
            }
            boolean last = index == layers.size() - 1;
            list.layer(dl4jIndex, toDl4j(layer, last));

            if (flattenPending) {
                list.inputPreProcessor(dl4jIndex, new CnnToFeedForwardPreProcessor(
                        imageShape.height(), imageShape.width(), imageShape.channels()));
                flattenPending = false;
            }
            imageShape = nextImageShape(layer, imageShape);
            sawSpatialLayer |= isSpatial(layer);
            dl4jIndex++;
        }

        ImageShape input = spec.input();
        return list.setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels())).build();
    }

    private static boolean isSpatial(LayerSpec layer) {
        return layer instanceof Conv2DSpec || layer instanceof MaxPool2DSpec || layer instanceof AvgPool2DSpec;
    }

    /** Tracks the image shape before Flatten, which the explicit preprocessor needs. */
    private static ImageShape nextImageShape(LayerSpec layer, ImageShape shape) {
        if (layer instanceof Conv2DSpec conv) {
            return new ImageShape(
                    size(shape.height(), conv.kernel(), conv.stride(), conv.padding()),
                    size(shape.width(), conv.kernel(), conv.stride(), conv.padding()),
                    conv.filters());
        }
        if (layer instanceof MaxPool2DSpec pool) {
            return pooled(shape, pool.size(), pool.stride());
        }
        if (layer instanceof AvgPool2DSpec pool) {
            return pooled(shape, pool.size(), pool.stride());
        }
        return shape;
    }

    private static ImageShape pooled(ImageShape shape, int size, int stride) {
        return new ImageShape(
                size(shape.height(), size, stride, Padding.VALID),
                size(shape.width(), size, stride, Padding.VALID),
                shape.channels());
    }

    private static int size(int input, int kernel, int stride, Padding padding) {
        return padding == Padding.SAME ? (input + stride - 1) / stride : (input - kernel) / stride + 1;
    }

    private static Layer toDl4j(LayerSpec layer, boolean last) {
        if (layer instanceof Conv2DSpec conv) {
            return new ConvolutionLayer.Builder(conv.kernel(), conv.kernel())
                    .stride(conv.stride(), conv.stride())
                    .nOut(conv.filters())
                    .activation(activation(conv.activation()))
                    .convolutionMode(conv.padding() == Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate)
                    .build();
        }
        if (layer instanceof MaxPool2DSpec pool) {
            return pooling(PoolingType.MAX, pool.size(), pool.stride());
        }
        if (layer instanceof AvgPool2DSpec pool) {
            return pooling(PoolingType.AVG, pool.size(), pool.stride());
        }
        if (layer instanceof DropoutSpec dropout) {
            // Deeplearning4j takes the probability of keeping a value, not of dropping it.
            return new DropoutLayer.Builder(1.0 - dropout.rate()).build();
        }
        if (layer instanceof BatchNormSpec) {
            return new BatchNormalization.Builder().build();
        }
        if (layer instanceof ActivationSpec activation) {
            return new ActivationLayer.Builder().activation(activation(activation.activation())).build();
        }
        DenseSpec dense = (DenseSpec) layer;
        if (last && dense.activation() == Activation.SOFTMAX) {
            return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                    .nOut(dense.units())
                    .activation(org.nd4j.linalg.activations.Activation.SOFTMAX)
                    .build();
        }
        return new DenseLayer.Builder().nOut(dense.units()).activation(activation(dense.activation())).build();
    }

    private static SubsamplingLayer pooling(PoolingType type, int size, int stride) {
        return new SubsamplingLayer.Builder(type)
                .kernelSize(size, size)
                .stride(stride, stride)
                .convolutionMode(ConvolutionMode.Truncate)
                .build();
    }

    private static org.nd4j.linalg.activations.Activation activation(Activation activation) {
        return switch (activation) {
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case SOFTMAX -> org.nd4j.linalg.activations.Activation.SOFTMAX;
            case LINEAR -> org.nd4j.linalg.activations.Activation.IDENTITY;
        };
    }

    /** Returns whether going from one settings to the other changes the configuration, not only the rate. */
    static boolean needsRebuild(TrainingSettings current, TrainingSettings next) {
        return current.optimizer() != next.optimizer()
                || current.momentum() != next.momentum()
                || current.nesterov() != next.nesterov()
                || current.weightDecay() != next.weightDecay();
    }

    private static IUpdater updater(TrainingSettings settings) {
        double rate = settings.learningRate();
        return switch (settings.optimizer()) {
            case ADAM -> new Adam(rate);
            // Keras defaults: rho 0.9, epsilon 1e-7.
            case RMSPROP -> new RmsProp(rate, 0.9, 1e-7);
            case SGD -> sgd(settings);
        };
    }

    private static IUpdater sgd(TrainingSettings settings) {
        if (settings.momentum() == 0) {
            return new Sgd(settings.learningRate());
        }
        if (settings.nesterov()) {
            return new Nesterovs(settings.learningRate(), settings.momentum());
        }
        return new ClassicalMomentum(settings.learningRate(), settings.momentum());
    }
}
