package org.deepdesk.engine.train.nativeops;

import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.TrainingSettings;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.api.ops.impl.updaters.NesterovsUpdater;
import org.nd4j.linalg.api.ops.impl.updaters.RmsPropUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The optimizer on the flat gradient array: one fused native op per step, with the same ops and
 * hyper-parameters as the Deeplearning4j backend (Adam: beta1 0.9, beta2 0.999, epsilon 1e-8,
 * TensorFlow-style bias correction with t = iteration + 1; RMSProp: decay 0.9, epsilon 1e-7;
 * SGD with Nesterov or classical momentum). L2 weight decay adds {@code decay * W} to the
 * gradient of Conv2D and Dense kernels before the update, as Deeplearning4j's {@code l2} does.
 */
final class Updater {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double ADAM_EPSILON = 1e-8;
    static final double RMS_DECAY = 0.9;
    static final double RMS_EPSILON = 1e-7;

    final Optimizer optimizer;
    final double momentum;
    final boolean nesterov;
    double learningRate;
    /** Adam's second moment, RMSProp's mean square or the momentum velocity; null for plain SGD. */
    final INDArray first;
    /** Adam's first moment; null otherwise. */
    final INDArray second;
    long iteration;

    Updater(TrainingSettings settings, long parameterCount, DataType dataType) {
        this.optimizer = settings.optimizer();
        this.momentum = optimizer == Optimizer.SGD ? settings.momentum() : 0;
        this.nesterov = settings.nesterov();
        this.learningRate = settings.learningRate();
        boolean adam = optimizer == Optimizer.ADAM;
        boolean stateful = adam || optimizer == Optimizer.RMSPROP || momentum > 0;
        this.first = stateful ? Nd4j.create(dataType, parameterCount) : null;
        this.second = adam ? Nd4j.create(dataType, parameterCount) : null;
    }

    /** Whether new settings can keep this state: the same rule; the learning rate may differ. */
    boolean compatibleWith(TrainingSettings settings) {
        if (settings.optimizer() != optimizer) {
            return false;
        }
        return optimizer != Optimizer.SGD || (settings.momentum() == momentum && settings.nesterov() == nesterov);
    }

    /** Turns {@code gradients} into the update in place and subtracts it from {@code parameters}. */
    void apply(INDArray parameters, INDArray gradients) {
        switch (optimizer) {
            case ADAM -> Nd4j.exec(new AdamUpdater(gradients, first, second, learningRate, BETA1, BETA2, ADAM_EPSILON, (int) iteration));
            case RMSPROP -> Nd4j.exec(new RmsPropUpdater(gradients, first, learningRate, RMS_DECAY, RMS_EPSILON));
            case SGD -> {
                if (first == null) {
                    gradients.muli(learningRate);
                } else if (nesterov) {
                    Nd4j.exec(new NesterovsUpdater(gradients, first, learningRate, momentum));
                } else {
                    // Classical momentum: v = m v + rate g; the update is v.
                    gradients.muli(learningRate);
                    first.muli(momentum).addi(gradients);
                    gradients.assign(first);
                }
            }
        }
        parameters.subi(gradients);
        iteration++;
    }

    /** The optimizer state arrays, in a fixed order, for saving. */
    INDArray[] stateArrays() {
        if (second != null) {
            return new INDArray[] {first, second};
        }
        return first != null ? new INDArray[] {first} : new INDArray[0];
    }
}
