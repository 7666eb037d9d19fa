package org.deepdesk.engine.train.nativeops;

import java.util.SplittableRandom;
import org.deepdesk.engine.spec.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected layer: {@code y = act(x W + b)} with W of shape [in, out], on BLAS gemm.
 * The output layer (softmax) leaves its output as logits; the loss turns them into probabilities.
 */
final class DenseLayer extends Layer {

    private final Activation activation;
    private final boolean outputLayer;
    private final long inputs;
    private final long units;
    INDArray weights;
    INDArray bias;
    INDArray weightGradient;
    INDArray biasGradient;

    DenseLayer(int specIndex, long[] inputShape, int units, Activation activation, boolean outputLayer) {
        super(specIndex, inputShape, new long[] {units});
        this.activation = outputLayer ? Activation.LINEAR : activation;
        this.outputLayer = outputLayer;
        this.inputs = size(inputShape);
        this.units = units;
    }

    boolean isOutputLayer() {
        return outputLayer;
    }

    @Override
    long parameterCount() {
        return inputs * units + units;
    }

    @Override
    void attach(INDArray parameters, INDArray gradients, long offset, INDArray state, long stateOffset) {
        weights = view(parameters, offset, inputs, units);
        bias = view(parameters, offset + inputs * units, units);
        weightGradient = view(gradients, offset, inputs, units);
        biasGradient = view(gradients, offset + inputs * units, units);
    }

    @Override
    void initialize(SplittableRandom random) {
        glorotUniform(weights, inputs, units, random);
        bias.assign(0);
    }

    @Override
    Bound bind(int batch, INDArray input, INDArray gradientInput, boolean training, Context context) {
        INDArray flatInput = input.rank() == 2 ? input : input.reshape('c', batch, inputs);
        INDArray flatGradientInput = gradientInput == null || gradientInput.rank() == 2
                ? gradientInput
                : gradientInput.reshape('c', batch, inputs);
        Bound bound = new Bound() {
            private final INDArray scratch = training && activation != Activation.LINEAR
                    ? context.create(batch, outputShape) : null;

            @Override
            void forward() {
                Nd4j.gemm(flatInput, weights, output, false, false, 1.0, 0.0);
                output.addiRowVector(bias);
                Activations.forwardInPlace(activation, output);
            }

            @Override
            void backward() {
                Activations.backwardInPlace(activation, output, gradientOutput, scratch);
                Nd4j.gemm(flatInput, gradientOutput, weightGradient, true, false, 1.0, 0.0);
                gradientOutput.sum(biasGradient, 0);
                if (flatGradientInput != null) {
                    Nd4j.gemm(gradientOutput, weights, flatGradientInput, false, true, 1.0, 0.0);
                }
            }
        };
        bound.output = context.create(batch, outputShape);
        bound.gradientOutput = training ? context.create(batch, outputShape) : null;
        return bound;
    }
}
