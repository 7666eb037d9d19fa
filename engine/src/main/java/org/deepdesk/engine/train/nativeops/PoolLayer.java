package org.deepdesk.engine.train.nativeops;

import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.Padding;
import org.nd4j.linalg.api.ndarray.INDArray;

/** MaxPool2D or AvgPool2D without padding, on {@code maxpool2d(_bp)} / {@code avgpool2d(_bp)}, NHWC. */
final class PoolLayer extends Layer {

    /** Whether pooling may run on oneDNN (system property {@code deepdesk.nativeops.poolHelpers}). */
    static final boolean POOL_HELPERS = Boolean.parseBoolean(System.getProperty("deepdesk.nativeops.poolHelpers", "true"));
    static final boolean POOL_BP_HELPERS = Boolean.parseBoolean(System.getProperty("deepdesk.nativeops.poolBpHelpers", "true"));

    private final boolean max;
    private final int size;
    private final int stride;
    /** A ReLU taken over from the convolution before, applied after pooling: the same values, on 4x fewer of them. */
    private boolean reluAfter;

    PoolLayer(int specIndex, long[] inputShape, boolean max, int size, int stride) {
        super(specIndex, inputShape, new long[] {
            ConvLayer.outputSize(inputShape[0], size, stride, Padding.VALID),
            ConvLayer.outputSize(inputShape[1], size, stride, Padding.VALID),
            inputShape[2]});
        this.max = max;
        this.size = size;
        this.stride = stride;
    }

    void takeOverRelu() {
        reluAfter = true;
    }

    boolean isMax() {
        return max;
    }

    private long[] integerArguments() {
        // kH, kW, sH, sW, pH, pW, dH, dW, same mode, extra (average: 0 = divide by the window), NHWC.
        return new long[] {size, size, stride, stride, 0, 0, 1, 1, 0, 0, 1};
    }

    @Override
    Bound bind(int batch, INDArray input, INDArray gradientInput, boolean training, Context context) {
        String name = max ? "maxpool2d" : "avgpool2d";
        INDArray output = context.create(batch, outputShape);
        NativeCall forward = new NativeCall(name, POOL_HELPERS, new INDArray[] {input}, new INDArray[] {output}, integerArguments());
        INDArray gradientOutput = training ? context.create(batch, outputShape) : null;
        NativeCall backward = training && gradientInput != null
                ? new NativeCall(name + "_bp", POOL_BP_HELPERS, new INDArray[] {input, gradientOutput}, new INDArray[] {gradientInput}, integerArguments())
                : null;
        INDArray scratch = training && reluAfter ? context.create(batch, outputShape) : null;
        Activation activation = reluAfter ? Activation.RELU : Activation.LINEAR;
        Bound bound = new Bound() {
            @Override
            void forward() {
                forward.run();
                Activations.forwardInPlace(activation, output);
            }

            @Override
            void backward() {
                if (backward != null) {
                    Activations.backwardInPlace(activation, output, gradientOutput, scratch);
                    backward.run();
                }
            }

            @Override
            public void close() {
                forward.close();
                if (backward != null) {
                    backward.close();
                }
            }
        };
        bound.output = output;
        bound.gradientOutput = gradientOutput;
        return bound;
    }
}
