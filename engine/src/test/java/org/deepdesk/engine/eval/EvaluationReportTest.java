package org.deepdesk.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.spec.ImageShape;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    /**
     * Six one-pixel images of three classes. The fake classifier reads its answer from the pixel:
     * pixel value v means "class v / 100 with confidence (v % 100) / 100".
     */
    private static final int[] LABELS = {0, 0, 1, 1, 2, 2};
    private static final int[] ANSWERS = {0, 1, 1, 1, 1, 0};
    private static final float[] CONFIDENCES = {0.9f, 0.6f, 0.8f, 0.7f, 0.95f, 0.5f};

    private static EvaluationReport report() {
        byte[] pixels = new byte[LABELS.length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        ImageDataset dataset = new ImageDataset("tiny", new ImageShape(1, 1, 1), pixels, LABELS, 3);

        Evaluator.Classifier classifier = (images, count) -> {
            float[] probabilities = new float[count * 3];
            for (int i = 0; i < count; i++) {
                int sample = Math.round(images[i] * 255);
                float confidence = CONFIDENCES[sample];
                for (int c = 0; c < 3; c++) {
                    probabilities[i * 3 + c] = c == ANSWERS[sample] ? confidence : (1 - confidence) / 2;
                }
            }
            return probabilities;
        };
        return Evaluator.evaluate(classifier, dataset, 3);
    }

    @Test
    void confusionRowsAreActualClasses() {
        int[][] confusion = report().summary().confusion();

        assertThat(confusion[0]).containsExactly(1, 1, 0);
        assertThat(confusion[1]).containsExactly(0, 2, 0);
        assertThat(confusion[2]).containsExactly(1, 1, 0);
    }

    @Test
    void accuracyCountsDiagonal() {
        assertThat(report().summary().accuracy()).isCloseTo(3.0 / 6, within(1e-12));
        assertThat(report().summary().sampleCount()).isEqualTo(6);
    }

    @Test
    void classMetricsFromConfusion() {
        List<ClassMetrics> metrics = report().classMetrics();

        assertThat(metrics.get(0).precision()).isCloseTo(0.5, within(1e-12));
        assertThat(metrics.get(0).recall()).isCloseTo(0.5, within(1e-12));
        assertThat(metrics.get(1).precision()).isCloseTo(0.5, within(1e-12));
        assertThat(metrics.get(1).recall()).isCloseTo(1.0, within(1e-12));
        assertThat(metrics.get(1).f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-12));
        assertThat(metrics.get(2).precision()).isNaN();
        assertThat(metrics.get(2).support()).isEqualTo(2);
    }

    @Test
    void cellListsItsSamplesMostConfidentFirst() {
        List<SamplePrediction> cell = report().cell(2, 1);

        assertThat(cell).hasSize(1);
        assertThat(cell.get(0).index()).isEqualTo(4);
        assertThat(cell.get(0).confidence()).isEqualTo(0.95f);
        assertThat(report().cell(1, 1)).extracting(SamplePrediction::index).containsExactly(2, 3);
    }

    @Test
    void mostConfidentlyWrongIsSorted() {
        List<SamplePrediction> wrong = report().mostConfidentlyWrong(2);

        assertThat(wrong).extracting(SamplePrediction::index).containsExactly(4, 1);
    }
}
