package org.deepdesk.app.draw;

import org.deepdesk.engine.eval.ConfusionCounter;

/**
 * The network's answer for one drawing.
 *
 * @param input the 28x28 image fed to the network, row-major, values in [0, 1]
 * @param probabilities one probability per class
 */
public record Prediction(float[] input, float[] probabilities) {

    public int predictedClass() {
        return ConfusionCounter.argMax(probabilities, 0, probabilities.length);
    }

    public float confidence() {
        return probabilities[predictedClass()];
    }
}
