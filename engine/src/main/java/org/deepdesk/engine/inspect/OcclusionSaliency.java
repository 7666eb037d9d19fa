package org.deepdesk.engine.inspect;

import org.deepdesk.engine.eval.ConfusionCounter;
import org.deepdesk.engine.eval.Evaluator;

/**
 * Occlusion saliency: which pixels pushed the prediction. A small black square slides over the
 * input; where covering the ink lowers the probability of the predicted class, those pixels
 * mattered. All occluded copies go to the network in one batch.
 *
 * <p>Occlusion needs only predictions, so it explains any network the same way, with no access
 * to gradients.
 */
public final class OcclusionSaliency {

    /** Side of the occluding square, in pixels: about a stroke's width on a 28x28 digit. */
    public static final int PATCH = 4;

    /** Step between square positions; half the patch, so every pixel is covered several times. */
    public static final int STRIDE = 2;

    private OcclusionSaliency() {
    }

    /**
     * Computes the saliency map of one grey image.
     *
     * @param classifier the network's batched prediction
     * @param image {@code height * width} values in [0, 1], row-major
     * @param classCount the number of classes the classifier outputs
     * @return the predicted class and, per pixel, the mean drop of its probability when covered
     */
    public static SaliencyMap compute(Evaluator.Classifier classifier, float[] image, int height, int width, int classCount) {
        float[] original = classifier.predict(image, 1);
        int target = ConfusionCounter.argMax(original, 0, classCount);

        int rows = (height - PATCH) / STRIDE + 1;
        int columns = (width - PATCH) / STRIDE + 1;
        int count = rows * columns;
        float[] batch = new float[count * image.length];
        for (int position = 0; position < count; position++) {
            int offset = position * image.length;
            System.arraycopy(image, 0, batch, offset, image.length);
            int top = (position / columns) * STRIDE;
            int left = (position % columns) * STRIDE;
            for (int y = top; y < top + PATCH; y++) {
                for (int x = left; x < left + PATCH; x++) {
                    batch[offset + y * width + x] = 0;
                }
            }
        }
        float[] occluded = classifier.predict(batch, count);

        float[] drop = new float[image.length];
        int[] covered = new int[image.length];
        for (int position = 0; position < count; position++) {
            float change = original[target] - occluded[position * classCount + target];
            int top = (position / columns) * STRIDE;
            int left = (position % columns) * STRIDE;
            for (int y = top; y < top + PATCH; y++) {
                for (int x = left; x < left + PATCH; x++) {
                    drop[y * width + x] += change;
                    covered[y * width + x]++;
                }
            }
        }
        for (int i = 0; i < drop.length; i++) {
            drop[i] = covered[i] == 0 ? 0 : drop[i] / covered[i];
        }
        return new SaliencyMap(target, original[target], height, width, drop);
    }
}
