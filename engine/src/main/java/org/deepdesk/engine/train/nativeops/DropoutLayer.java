package org.deepdesk.engine.train.nativeops;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout: in training, each value is kept with probability {@code 1 - rate} and scaled
 * by {@code 1 / (1 - rate)}; the mask comes from the network's seeded native generator. At
 * prediction time the layer passes its input through without a copy.
 */
final class DropoutLayer extends Layer {

    private final double rate;

    DropoutLayer(int specIndex, long[] shape, double rate) {
        super(specIndex, shape, shape);
        this.rate = rate;
    }

    @Override
    Bound bind(int batch, INDArray input, INDArray gradientInput, boolean training, Context context) {
        if (!training || rate == 0) {
            Bound identity = new Bound() {
                @Override
                void forward() {
                }
            };
            identity.output = input;
            identity.gradientOutput = !training ? null
                    : gradientInput != null ? gradientInput : context.create(batch, outputShape);
            return identity;
        }
        double keep = 1.0 - rate;
        INDArray mask = context.create(batch, outputShape);
        Bound bound = new Bound() {
            @Override
            void forward() {
                Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, keep), context.random().get());
                mask.muli(1.0 / keep);
                output.assign(input).muli(mask);
            }

            @Override
            void backward() {
                if (gradientInput != null) {
                    gradientInput.assign(gradientOutput).muli(mask);
                }
            }
        };
        bound.output = context.create(batch, outputShape);
        bound.gradientOutput = context.create(batch, outputShape);
        return bound;
    }
}
