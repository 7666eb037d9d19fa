package org.deepdesk.engine.train.nativeops;

import java.util.SplittableRandom;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.Padding;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Conv2D on oneDNN through {@code conv2d} / {@code conv2d_bp}: NHWC data, weights [kH, kW, inC, outC]. */
final class ConvLayer extends Layer {

    /**
     * Weight layout: 0 = [kH, kW, inC, outC], 1 = [outC, inC, kH, kW], 2 = [outC, kH, kW, inC].
     * NOTE: the other layouts exist only to re-measure their speed; model files do not record the
     * layout, so a model saved under another setting loads wrongly with the default.
     */
    static final int WEIGHT_FORMAT = Integer.getInteger("deepdesk.nativeops.wformat", 0);

    private final Conv2DSpec spec;
    private final long inChannels;
    /** The activation applied here; a following max-pool may take over a ReLU, see {@link PoolLayer}. */
    private Activation activation;
    INDArray weights;
    INDArray bias;
    INDArray weightGradient;
    INDArray biasGradient;

    ConvLayer(int specIndex, long[] inputShape, Conv2DSpec spec) {
        super(specIndex, inputShape, outputShape(inputShape, spec));
        this.spec = spec;
        this.inChannels = inputShape[2];
        this.activation = spec.activation();
    }

    /** Leaves the activation to the next layer (ReLU after max-pooling equals max-pooling after ReLU). */
    void handOverActivation() {
        activation = Activation.LINEAR;
    }

    /** The weights' shape in the default [kH, kW, inC, outC] layout (what {@link #weights} holds when WEIGHT_FORMAT is 0). */
    long[] weightShapeCanonical() {
        if (WEIGHT_FORMAT != 0) {
            throw new IllegalStateException("only the default weight format is exposed");
        }
        return weightShape();
    }

    long[] weightShape() {
        long k = spec.kernel();
        return switch (WEIGHT_FORMAT) {
            case 1 -> new long[] {spec.filters(), inChannels, k, k};
            case 2 -> new long[] {spec.filters(), k, k, inChannels};
            default -> new long[] {k, k, inChannels, spec.filters()};
        };
    }

    private static long[] outputShape(long[] input, Conv2DSpec spec) {
        return new long[] {
            outputSize(input[0], spec.kernel(), spec.stride(), spec.padding()),
            outputSize(input[1], spec.kernel(), spec.stride(), spec.padding()),
            spec.filters()};
    }

    static long outputSize(long input, int kernel, int stride, Padding padding) {
        return padding == Padding.SAME ? (input + stride - 1) / stride : (input - kernel) / stride + 1;
    }

    Activation activation() {
        return activation;
    }

    @Override
    long parameterCount() {
        return (long) spec.kernel() * spec.kernel() * inChannels * spec.filters() + spec.filters();
    }

    @Override
    void attach(INDArray parameters, INDArray gradients, long offset, INDArray state, long stateOffset) {
        long[] shape = weightShape();
        long weightCount = size(shape);
        weights = view(parameters, offset, shape);
        bias = view(parameters, offset + weightCount, spec.filters());
        weightGradient = view(gradients, offset, shape);
        biasGradient = view(gradients, offset + weightCount, spec.filters());
    }

    @Override
    void initialize(SplittableRandom random) {
        double area = (double) spec.kernel() * spec.kernel();
        double fanIn = inChannels * area;
        double fanOut = spec.filters() * area / ((double) spec.stride() * spec.stride());
        glorotUniform(weights, fanIn, fanOut, random);
        bias.assign(0);
    }

    long[] integerArguments() {
        int k = spec.kernel();
        int s = spec.stride();
        // kH, kW, sH, sW, pH, pW, dH, dW, same mode, data format (1 = NHWC), weight format.
        return new long[] {k, k, s, s, 0, 0, 1, 1, spec.padding() == Padding.SAME ? 1 : 0, 1, WEIGHT_FORMAT};
    }

    @Override
    Bound bind(int batch, INDArray input, INDArray gradientInput, boolean training, Context context) {
        return new BoundConv(batch, input, gradientInput, training, context);
    }

    private final class BoundConv extends Bound {
        private final NativeCall forwardCall;
        private NativeCall backwardCall;
        private INDArray scratch;

        BoundConv(int batch, INDArray input, INDArray gradientInput, boolean training, Context context) {
            output = context.create(batch, outputShape);
            forwardCall = new NativeCall("conv2d", new INDArray[] {input, weights, bias}, new INDArray[] {output}, integerArguments());
            if (training) {
                gradientOutput = context.create(batch, outputShape);
                scratch = activation == Activation.LINEAR ? null : context.create(batch, outputShape);
                // conv2d_bp always writes dLoss/dInput; the first layer gets a scratch array for it.
                INDArray inputGradient = gradientInput != null ? gradientInput : context.create(batch, inputShape);
                backwardCall = new NativeCall("conv2d_bp",
                        new INDArray[] {input, weights, bias, gradientOutput},
                        new INDArray[] {inputGradient, weightGradient, biasGradient},
                        integerArguments());
            }
        }

        @Override
        void forward() {
            forwardCall.run();
            Activations.forwardInPlace(activation, output);
        }

        @Override
        void backward() {
            Activations.backwardInPlace(activation, output, gradientOutput, scratch);
            backwardCall.run();
        }

        @Override
        public void close() {
            forwardCall.close();
            if (backwardCall != null) {
                backwardCall.close();
            }
        }
    }
}
