package org.deepdesk.engine.inspect;

/**
 * How much each input pixel supported the prediction.
 *
 * @param predictedClass the class explained
 * @param probability its probability on the unchanged input
 * @param height rows of the map
 * @param width columns of the map
 * @param importance per pixel, row-major: the mean drop of the class probability when the pixel
 *     was covered; negative where covering it raised the probability
 */
public record SaliencyMap(int predictedClass, float probability, int height, int width, float[] importance) {

    /** Returns the largest absolute importance, for scaling a colour map; 0 for a flat map. */
    public float maxMagnitude() {
        float max = 0;
        for (float value : importance) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
