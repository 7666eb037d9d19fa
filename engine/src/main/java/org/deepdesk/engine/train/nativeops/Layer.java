package org.deepdesk.engine.train.nativeops;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One layer of a compiled network, independent of the batch size: its shapes and its views into
 * the flat parameter, gradient and state arrays. {@link #bind} makes the per-batch-size part.
 *
 * <p>Shapes are per sample: {@code [height, width, channels]} for images (NHWC order in the
 * batch arrays) or {@code [features]} for vectors.
 */
abstract class Layer {

    final long[] inputShape;
    final long[] outputShape;
    /** The layer's position in the network spec, Flatten included. */
    final int specIndex;

    Layer(int specIndex, long[] inputShape, long[] outputShape) {
        this.specIndex = specIndex;
        this.inputShape = inputShape;
        this.outputShape = outputShape;
    }

    /** The number of trained parameters. */
    long parameterCount() {
        return 0;
    }

    /** The number of values kept besides trained parameters, such as running statistics. */
    long stateCount() {
        return 0;
    }

    /** Takes views of this layer's slices of the flat arrays, which start at the given offsets. */
    void attach(INDArray parameters, INDArray gradients, long parameterOffset, INDArray state, long stateOffset) {
    }

    /** Draws initial parameters and resets state. */
    void initialize(SplittableRandom random) {
    }

    /**
     * Makes the arrays and ops for batches of {@code batch} samples.
     *
     * @param input the previous layer's output, {@code [batch, inputShape...]}
     * @param gradientInput where the backward pass writes dLoss/dInput, or null when no one needs it
     * @param training whether to build the training pass (dropout on, batch statistics, backward)
     */
    abstract Bound bind(int batch, INDArray input, INDArray gradientInput, boolean training, Context context);

    /** A layer bound to one batch size: output and output-gradient arrays, forward and backward. */
    abstract static class Bound implements AutoCloseable {
        INDArray output;
        /** dLoss/dOutput, written by the next layer (or by the loss) before {@link #backward}. */
        INDArray gradientOutput;

        abstract void forward();

        void backward() {
        }

        @Override
        public void close() {
        }
    }

    /** What layers share while binding: the data type and the dropout random generator. */
    record Context(DataType dataType, DropoutRandom random) {
        INDArray create(int batch, long[] sampleShape) {
            return Nd4j.create(dataType, batchShape(batch, sampleShape));
        }
    }

    static long[] batchShape(int batch, long[] sampleShape) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = batch;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return shape;
    }

    static long size(long[] shape) {
        long size = 1;
        for (long dimension : shape) {
            size *= dimension;
        }
        return size;
    }

    /** A contiguous view of {@code size(shape)} values of a flat array, in row-major order. */
    static INDArray view(INDArray flat, long offset, long... shape) {
        return flat.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + size(shape))).reshape('c', shape);
    }

    /** Glorot uniform, as Deeplearning4j's XAVIER_UNIFORM: U(-s, s) with s = sqrt(6 / (fanIn + fanOut)). */
    static void glorotUniform(INDArray target, double fanIn, double fanOut, SplittableRandom random) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        long n = target.length();
        double[] values = new double[(int) n];
        for (int i = 0; i < n; i++) {
            values[i] = (random.nextDouble() * 2 - 1) * limit;
        }
        target.assign(Nd4j.create(values, target.shape(), 'c').castTo(target.dataType()));
    }
}
