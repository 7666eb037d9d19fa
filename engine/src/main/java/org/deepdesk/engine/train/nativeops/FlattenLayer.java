package org.deepdesk.engine.train.nativeops;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Flatten: a reshaped view, no copy. Values are flattened in NHWC order (row, column, channel),
 * which differs from Deeplearning4j's (channel, row, column); the parity tests map between them.
 */
final class FlattenLayer extends Layer {

    FlattenLayer(int specIndex, long[] inputShape) {
        super(specIndex, inputShape, new long[] {size(inputShape)});
    }

    @Override
    Bound bind(int batch, INDArray input, INDArray gradientInput, boolean training, Context context) {
        Bound bound = new Bound() {
            @Override
            void forward() {
            }
        };
        bound.output = input.reshape('c', batch, outputShape[0]);
        if (training) {
            bound.gradientOutput = gradientInput != null
                    ? gradientInput.reshape('c', batch, outputShape[0])
                    : context.create(batch, outputShape);
        }
        return bound;
    }
}
