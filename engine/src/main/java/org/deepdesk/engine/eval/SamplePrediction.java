package org.deepdesk.engine.eval;

/**
 * The network's answer for one sample of an evaluated set.
 *
 * @param index the sample's position in the set
 * @param actual the true class
 * @param predicted the class with the highest probability
 * @param confidence the probability of the predicted class
 */
public record SamplePrediction(int index, int actual, int predicted, float confidence) {

    public boolean correct() {
        return actual == predicted;
    }
}
