package org.deepdesk.engine.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deepdesk.engine.eval.Evaluator;
import org.junit.jupiter.api.Test;

class OcclusionSaliencyTest {

    private static final int SIZE = 8;

    /**
     * A two-class linear softmax with known weights: class 1 scores the ink in the top-left 2x2
     * corner with weight 4, class 0 has a constant score of 2, and no other pixel counts.
     */
    private static final Evaluator.Classifier CORNER_DETECTOR = (images, count) -> {
        float[] probabilities = new float[count * 2];
        for (int i = 0; i < count; i++) {
            int offset = i * SIZE * SIZE;
            double corner = images[offset] + images[offset + 1] + images[offset + SIZE] + images[offset + SIZE + 1];
            double score1 = 4 * corner;
            double score0 = 2;
            double max = Math.max(score0, score1);
            double e0 = Math.exp(score0 - max);
            double e1 = Math.exp(score1 - max);
            probabilities[2 * i] = (float) (e0 / (e0 + e1));
            probabilities[2 * i + 1] = (float) (e1 / (e0 + e1));
        }
        return probabilities;
    };

    private static float[] fullInk() {
        float[] image = new float[SIZE * SIZE];
        java.util.Arrays.fill(image, 1f);
        return image;
    }

    @Test
    void explainsPredictedClass() {
        SaliencyMap map = OcclusionSaliency.compute(CORNER_DETECTOR, fullInk(), SIZE, SIZE, 2);

        assertThat(map.predictedClass()).isEqualTo(1);
        assertThat(map.probability()).isCloseTo((float) (1 / (1 + Math.exp(-14))), within(1e-5f));
    }

    @Test
    void weightedPixelsMatter() {
        SaliencyMap map = OcclusionSaliency.compute(CORNER_DETECTOR, fullInk(), SIZE, SIZE, 2);

        // Covering the corner drops class 1 from almost 1 to 1 / (1 + e^2), a drop of about 0.88.
        assertThat(map.importance()[0]).isCloseTo(1 - (float) (1 / (1 + Math.exp(2))), within(1e-4f));
        assertThat(map.importance()[SIZE + 1]).isPositive();
        assertThat(map.maxMagnitude()).isEqualTo(map.importance()[0]);
    }

    @Test
    void unweightedPixelsDoNotMatter() {
        SaliencyMap map = OcclusionSaliency.compute(CORNER_DETECTOR, fullInk(), SIZE, SIZE, 2);

        assertThat(map.importance()[SIZE * SIZE - 1]).isZero();
        assertThat(map.importance()[4 * SIZE + 4]).isZero();
    }

    @Test
    void emptyImageGivesFlatMap() {
        SaliencyMap map = OcclusionSaliency.compute(CORNER_DETECTOR, new float[SIZE * SIZE], SIZE, SIZE, 2);

        assertThat(map.predictedClass()).isZero();
        assertThat(map.maxMagnitude()).isZero();
    }
}
