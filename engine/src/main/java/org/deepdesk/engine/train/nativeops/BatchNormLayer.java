package org.deepdesk.engine.train.nativeops;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalization per channel (images) or per feature (vectors), with Deeplearning4j's
 * defaults: epsilon 1e-5 and running statistics {@code r = 0.9 r + 0.1 batch} (biased variance).
 * Training normalizes with the batch's statistics; prediction with the running ones.
 */
final class BatchNormLayer extends Layer {

    static final double EPSILON = 1e-5;
    static final double DECAY = 0.9;

    private final long channels;
    INDArray gamma;
    INDArray beta;
    INDArray gammaGradient;
    INDArray betaGradient;
    INDArray runningMean;
    INDArray runningVariance;

    BatchNormLayer(int specIndex, long[] shape) {
        super(specIndex, shape, shape);
        this.channels = shape[shape.length - 1];
    }

    @Override
    long parameterCount() {
        return 2 * channels;
    }

    @Override
    long stateCount() {
        return 2 * channels;
    }

    @Override
    void attach(INDArray parameters, INDArray gradients, long offset, INDArray state, long stateOffset) {
        gamma = view(parameters, offset, channels);
        beta = view(parameters, offset + channels, channels);
        gammaGradient = view(gradients, offset, channels);
        betaGradient = view(gradients, offset + channels, channels);
        runningMean = view(state, stateOffset, channels);
        runningVariance = view(state, stateOffset + channels, channels);
    }

    @Override
    void initialize(SplittableRandom random) {
        gamma.assign(1);
        beta.assign(0);
        runningMean.assign(0);
        runningVariance.assign(1);
    }

    @Override
    Bound bind(int batch, INDArray input, INDArray gradientInput, boolean training, Context context) {
        long rows = batch * size(inputShape) / channels;
        INDArray x = input.reshape('c', rows, channels);
        INDArray output = context.create(batch, outputShape);
        INDArray y = output.reshape('c', rows, channels);
        Bound bound = training
                ? new Training(rows, x, y, gradientInput == null ? null : gradientInput.reshape('c', rows, channels), context)
                : new Bound() {
                    @Override
                    void forward() {
                        INDArray scale = Transforms.sqrt(runningVariance.add(EPSILON), false).rdivi(gamma);
                        INDArray shift = beta.sub(runningMean.mul(scale));
                        y.assign(x).muliRowVector(scale).addiRowVector(shift);
                    }
                };
        bound.output = output;
        if (training) {
            bound.gradientOutput = context.create(batch, outputShape);
            ((Training) bound).dy = bound.gradientOutput.reshape('c', rows, channels);
        }
        return bound;
    }

    private final class Training extends Bound {
        private final long rows;
        private final INDArray x;
        private final INDArray y;
        private final INDArray dx;
        private final INDArray normalized;
        private final INDArray scratch;
        private final INDArray mean;
        private final INDArray variance;
        private final INDArray inverseStd;
        INDArray dy;

        Training(long rows, INDArray x, INDArray y, INDArray dx, Context context) {
            this.rows = rows;
            this.x = x;
            this.y = y;
            this.dx = dx;
            this.normalized = org.nd4j.linalg.factory.Nd4j.create(context.dataType(), rows, channels);
            this.scratch = org.nd4j.linalg.factory.Nd4j.create(context.dataType(), rows, channels);
            this.mean = org.nd4j.linalg.factory.Nd4j.create(context.dataType(), channels);
            this.variance = org.nd4j.linalg.factory.Nd4j.create(context.dataType(), channels);
            this.inverseStd = org.nd4j.linalg.factory.Nd4j.create(context.dataType(), channels);
        }

        @Override
        void forward() {
            x.mean(mean, 0);
            normalized.assign(x).subiRowVector(mean);
            scratch.assign(normalized).muli(normalized).mean(variance, 0);
            inverseStd.assign(variance).addi(EPSILON);
            Transforms.sqrt(inverseStd, false).rdivi(1.0);
            normalized.muliRowVector(inverseStd);
            y.assign(normalized).muliRowVector(gamma).addiRowVector(beta);
            runningMean.muli(DECAY).addi(mean.mul(1 - DECAY));
            runningVariance.muli(DECAY).addi(variance.mul(1 - DECAY));
        }

        @Override
        void backward() {
            dy.sum(betaGradient, 0);
            scratch.assign(dy).muli(normalized).sum(gammaGradient, 0);
            if (dx == null) {
                return;
            }
            // dx = gamma * invStd / m * (m * dy - sum(dy) - normalized * sum(dy * normalized))
            dx.assign(normalized).muliRowVector(gammaGradient);
            scratch.assign(dy).muli(rows).subiRowVector(betaGradient).subi(dx);
            INDArray coefficient = gamma.mul(inverseStd).divi(rows);
            dx.assign(scratch).muliRowVector(coefficient);
        }
    }
}
