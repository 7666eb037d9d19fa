package org.deepdesk.engine.train.nativeops;

import org.deepdesk.engine.spec.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A separate element-wise activation layer, any shape, no parameters. */
final class ActivationLayer extends Layer {

    private final Activation activation;

    ActivationLayer(int specIndex, long[] shape, Activation activation) {
        super(specIndex, shape, shape);
        if (activation == Activation.SOFTMAX) {
            throw new IllegalArgumentException("softmax is only supported in the output layer");
        }
        this.activation = activation;
    }

    @Override
    Bound bind(int batch, INDArray input, INDArray gradientInput, boolean training, Context context) {
        INDArray scratch = training && activation != Activation.LINEAR ? context.create(batch, outputShape) : null;
        Bound bound = new Bound() {
            @Override
            void forward() {
                output.assign(input);
                Activations.forwardInPlace(activation, output);
            }

            @Override
            void backward() {
                if (gradientInput != null) {
                    Activations.backwardInPlace(activation, output, gradientOutput, scratch);
                    gradientInput.assign(gradientOutput);
                }
            }
        };
        bound.output = context.create(batch, outputShape);
        bound.gradientOutput = training ? context.create(batch, outputShape) : null;
        return bound;
    }
}
