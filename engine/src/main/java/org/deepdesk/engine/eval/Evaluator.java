package org.deepdesk.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deepdesk.engine.data.ImageDataset;

/**
 * Runs a classifier over a labelled set in batches and keeps every sample's prediction.
 */
public final class Evaluator {

    private static final int BATCH = 500;

    /** Something that turns {@code count} images into {@code count * classCount} probabilities. */
    @FunctionalInterface
    public interface Classifier {
        float[] predict(float[] images, int count);
    }

    private Evaluator() {
    }

    public static EvaluationReport evaluate(Classifier classifier, ImageDataset dataset, int classCount) {
        ConfusionCounter counter = new ConfusionCounter(classCount);
        List<SamplePrediction> predictions = new ArrayList<>(dataset.size());
        int sampleSize = dataset.sampleSize();
        float[] features = new float[BATCH * sampleSize];

        for (int start = 0; start < dataset.size(); start += BATCH) {
            int count = Math.min(BATCH, dataset.size() - start);
            for (int i = 0; i < count; i++) {
                dataset.copyImage(start + i, features, i * sampleSize);
            }
            float[] input = count == BATCH ? features : Arrays.copyOf(features, count * sampleSize);
            float[] probabilities = classifier.predict(input, count);
            int[] labels = Arrays.copyOfRange(dataset.labels(), start, start + count);

            counter.add(probabilities, labels, count);
            for (int i = 0; i < count; i++) {
                int predicted = ConfusionCounter.argMax(probabilities, i * classCount, classCount);
                predictions.add(new SamplePrediction(start + i, labels[i], predicted, probabilities[i * classCount + predicted]));
            }
        }
        return new EvaluationReport(counter.result(), predictions);
    }
}
