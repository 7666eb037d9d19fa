package org.deepdesk.engine.train.nativeops;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every array and op of a forward (and, in training, backward) pass at one batch size,
 * allocated once and reused for every batch of that size.
 */
final class Plan implements AutoCloseable {

    final int batch;
    final boolean training;
    private final CompiledNetwork network;
    private final INDArray input;
    private final List<Layer.Bound> bound = new ArrayList<>();
    private final float[] reordered;
    private final double[] logits;

    Plan(CompiledNetwork network, int batch, boolean training, DropoutRandom random) {
        this.network = network;
        this.batch = batch;
        this.training = training;
        Layer.Context context = new Layer.Context(network.dataType, random);
        long[] inputShape = {network.input.height(), network.input.width(), network.input.channels()};
        this.input = context.create(batch, inputShape);
        INDArray current = input;
        INDArray gradient = null;
        for (Layer layer : network.layers) {
            Layer.Bound next = layer.bind(batch, current, gradient, training, context);
            bound.add(next);
            current = next.output;
            gradient = next.gradientOutput;
        }
        this.reordered = network.input.channels() > 1 ? new float[(int) input.length()] : null;
        this.logits = new double[batch * network.classCount];
    }

    /** Copies {@code batch} samples in NCHW order into the NHWC input array. */
    void load(float[] features) {
        int size = (int) input.length();
        float[] source = features;
        if (reordered != null) {
            int height = network.input.height();
            int width = network.input.width();
            int channels = network.input.channels();
            int plane = height * width;
            int sample = plane * channels;
            for (int n = 0; n < batch; n++) {
                int base = n * sample;
                for (int c = 0; c < channels; c++) {
                    for (int p = 0; p < plane; p++) {
                        reordered[base + p * channels + c] = features[base + c * plane + p];
                    }
                }
            }
            source = reordered;
        }
        if (network.dataType == DataType.FLOAT) {
            FloatBuffer target = input.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            target.put(source, 0, size);
        } else {
            DoubleBuffer target = input.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
            for (int i = 0; i < size; i++) {
                target.put(i, source[i]);
            }
        }
    }

    void forward() {
        for (Layer.Bound layer : bound) {
            layer.forward();
        }
    }

    void backward() {
        for (int index = bound.size() - 1; index >= 0; index--) {
            bound.get(index).backward();
        }
    }

    /** Reads the output layer's logits, {@code batch x classCount}, after {@link #forward}. */
    double[] logits() {
        INDArray output = bound.get(bound.size() - 1).output;
        if (network.dataType == DataType.FLOAT) {
            FloatBuffer source = output.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            for (int i = 0; i < logits.length; i++) {
                logits[i] = source.get(i);
            }
        } else {
            output.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer().get(logits);
        }
        return logits;
    }

    /** Writes dLoss/dLogits before {@link #backward}. */
    void setLogitGradient(double[] gradient) {
        INDArray target = bound.get(bound.size() - 1).gradientOutput;
        if (network.dataType == DataType.FLOAT) {
            FloatBuffer buffer = target.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            for (int i = 0; i < gradient.length; i++) {
                buffer.put(i, (float) gradient[i]);
            }
        } else {
            target.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer().put(gradient);
        }
    }

    /** The output of layer {@code index} (in compiled order, Flatten included), for tests. */
    INDArray layerOutput(int index) {
        return bound.get(index).output;
    }

    INDArray inputArray() {
        return input;
    }

    @Override
    public void close() {
        for (Layer.Bound layer : bound) {
            layer.close();
        }
    }
}
