package org.deepdesk.engine.train.nativeops;

import org.deepdesk.engine.spec.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/** Element-wise activations, forward in place and backward from the activated output. */
final class Activations {

    private Activations() {
    }

    static void forwardInPlace(Activation activation, INDArray values) {
        switch (activation) {
            case RELU -> Nd4j.exec(new RectifiedLinear(values, values, 0.0));
            case SIGMOID -> Nd4j.exec(new Sigmoid(values, values));
            case TANH -> Nd4j.exec(new Tanh(values, values));
            case LINEAR -> {
            }
            case SOFTMAX -> throw new IllegalStateException("softmax is handled by the output layer");
        }
    }

    /**
     * Multiplies {@code gradient} in place by the activation's derivative, computed from the
     * activated {@code output}; {@code scratch} has the same shape and is overwritten.
     */
    static void backwardInPlace(Activation activation, INDArray output, INDArray gradient, INDArray scratch) {
        switch (activation) {
            case RELU -> {
                // A 0/1 mask and a multiply: several times faster than the relu_bp op.
                Nd4j.exec(new Step(output, scratch, 0.0));
                gradient.muli(scratch);
            }
            case SIGMOID -> {
                scratch.assign(output).rsubi(1.0).muli(output);
                gradient.muli(scratch);
            }
            case TANH -> {
                scratch.assign(output).muli(output).rsubi(1.0);
                gradient.muli(scratch);
            }
            case LINEAR -> {
            }
            case SOFTMAX -> throw new IllegalStateException("softmax is handled by the output layer");
        }
    }
}
