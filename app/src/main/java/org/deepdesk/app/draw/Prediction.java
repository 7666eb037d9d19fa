package org.deepdesk.app.draw;

import java.util.List;
import org.deepdesk.engine.eval.ConfusionCounter;
import org.deepdesk.engine.inspect.LayerOutput;
import org.deepdesk.engine.inspect.SaliencyMap;
import org.deepdesk.engine.preprocess.GrayImage;
import org.deepdesk.engine.preprocess.InkColumns;
import org.deepdesk.engine.preprocess.PreparedDigit;

/**
 * The network's prediction for one drawing, with the preprocessing steps that led to it and, for
 * comparison, the prediction for a naive resize of the whole canvas.
 *
 * @param drawing the canvas as read, 1 for full ink
 * @param prepared the MNIST-style steps: ink bounds, the 20-pixel digit and the 28x28 input
 * @param probabilities one probability per class for the prepared input
 * @param naiveInput the canvas resized straight to 28x28
 * @param naiveProbabilities one probability per class for the naive input
 * @param saliency which input pixels supported the prediction, by occlusion
 * @param layerOutputs every layer's output for the prepared input; empty if the backend cannot expose them
 * @param inkColumns how many digits the drawing seems to hold side by side ({@link InkColumns})
 */
public record Prediction(
        GrayImage drawing,
        PreparedDigit prepared,
        float[] probabilities,
        float[] naiveInput,
        float[] naiveProbabilities,
        SaliencyMap saliency,
        List<LayerOutput> layerOutputs,
        int inkColumns) {

    /**
     * Below this top probability the view reports that the network is unsure instead of giving a
     * confident answer: with ten classes, a single clear digit usually scores far above it.
     */
    public static final float LOW_CONFIDENCE = 0.6f;

    /** The 28x28 image fed to the network, row-major, values in [0, 1]. */
    public float[] input() {
        return prepared.pixels();
    }

    public int predictedClass() {
        return ConfusionCounter.argMax(probabilities, 0, probabilities.length);
    }

    public float confidence() {
        return probabilities[predictedClass()];
    }

    public boolean uncertain() {
        return confidence() < LOW_CONFIDENCE;
    }

    /** Returns whether the drawing seems to hold several digits, which a one-digit network cannot read. */
    public boolean severalDigits() {
        return inkColumns > 1;
    }

    public int naiveClass() {
        return ConfusionCounter.argMax(naiveProbabilities, 0, naiveProbabilities.length);
    }
}
