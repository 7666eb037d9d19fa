package org.deepdesk.engine.train;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.deepdesk.engine.inspect.ConvFilters;
import org.deepdesk.engine.inspect.LayerOutput;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;

/**
 * The numeric core of one network: a training step, batched prediction and weight I/O.
 * Everything above it (trainer, evaluation, model files) works on plain Java arrays, so a faster
 * implementation on ND4J's native ops can replace the Deeplearning4j one behind this interface.
 *
 * <p>Features are {@code count} samples of {@code sampleSize} floats each, laid out sample after
 * sample in channel, row, column order, with values in [0, 1]. Implementations are not
 * thread-safe: one thread trains or predicts at a time.
 */
public interface NetworkBackend {

    /** Runs one forward pass, backward pass and weight update on a batch. */
    BatchResult trainBatch(float[] features, int[] labels, int count);

    /** Returns {@code count * classCount} class probabilities, sample after sample. */
    float[] predict(float[] features, int count);

    int classCount();

    /** Which backend this is; model files record it so that they load into the same one. */
    Backend kind();

    /**
     * Switches a network that keeps its weights to new optimizer settings, so a continued run
     * uses what the user chose now. Changing the learning rate keeps the optimizer state;
     * changing the optimizer starts a fresh one.
     */
    void applySettings(TrainingSettings settings);

    /**
     * Sets the learning rate for the following training steps and keeps the optimizer state.
     * The trainer calls it at the start of every epoch with the rate of the settings' schedule.
     */
    void setLearningRate(double learningRate);

    /**
     * Returns the output of every layer for one image, in stack order, for the inspection
     * views. Flatten layers are included with their flat copy of the previous output.
     * A backend that cannot expose its layers returns an empty list.
     */
    default List<LayerOutput> layerOutputs(NetworkSpec spec, float[] image) {
        return List.of();
    }

    /** Returns the kernels of every convolution layer, in stack order; empty if not available. */
    default List<ConvFilters> convFilters(NetworkSpec spec) {
        return List.of();
    }

    /**
     * Replaces the weights of the listed layers, as after an import from Keras, and keeps the
     * others. The optimizer state is left as it is, so call it before training.
     *
     * @throws IllegalArgumentException when a layer is not one with weights, or an array does not
     *     have the layer's size
     */
    void loadWeights(NetworkSpec spec, List<LayerWeights> weights);

    /**
     * Hands native memory that is allocated but free back to the operating system, at points where
     * a short slowdown of the next steps does not matter, such as the end of an epoch.
     */
    default void releaseFreeMemory() {
    }

    /** Writes the weights and optimizer state in this backend's own format. */
    void writeWeights(OutputStream output) throws IOException;

    /**
     * Replaces the weights, and the optimizer state where it fits the current settings, with
     * bytes that {@link #writeWeights} of this same network wrote earlier.
     *
     * @throws IOException when the bytes are not weights of this network
     */
    void restoreWeights(byte[] weights) throws IOException;

    /**
     * The result of one training step.
     *
     * @param loss mean cross-entropy of the batch before the update
     * @param correct samples of the batch that were classified right before the update
     */
    record BatchResult(double loss, int correct) {
    }
}
