package org.deepdesk.engine.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A full evaluation: the summary numbers, per-class metrics and every sample's prediction, so
 * the UI can open the images behind any confusion-matrix cell.
 *
 * @param summary accuracy, mean loss and the confusion matrix ({@code confusion[actual][predicted]})
 * @param predictions one entry per sample, in set order
 */
public record EvaluationReport(Evaluation summary, List<SamplePrediction> predictions) {

    public EvaluationReport {
        predictions = List.copyOf(predictions);
    }

    /** Returns precision, recall and F1 of every class, computed from the confusion matrix. */
    public List<ClassMetrics> classMetrics() {
        int[][] confusion = summary.confusion();
        int classCount = confusion.length;
        List<ClassMetrics> metrics = new ArrayList<>(classCount);

        for (int c = 0; c < classCount; c++) {
            int truePositives = confusion[c][c];
            int support = 0;
            int predictedAsClass = 0;
            for (int other = 0; other < classCount; other++) {
                support += confusion[c][other];
                predictedAsClass += confusion[other][c];
            }
            double precision = predictedAsClass == 0 ? Double.NaN : (double) truePositives / predictedAsClass;
            double recall = support == 0 ? Double.NaN : (double) truePositives / support;
            double f1 = Double.isNaN(precision) || Double.isNaN(recall) || precision + recall == 0
                    ? Double.NaN
                    : 2 * precision * recall / (precision + recall);
            metrics.add(new ClassMetrics(c, precision, recall, f1, support));
        }
        return metrics;
    }

    /** Returns the samples of one confusion-matrix cell, most confident first. */
    public List<SamplePrediction> cell(int actual, int predicted) {
        return predictions.stream()
                .filter(prediction -> prediction.actual() == actual && prediction.predicted() == predicted)
                .sorted(Comparator.comparingDouble(SamplePrediction::confidence).reversed())
                .toList();
    }

    /** Returns up to {@code limit} misclassified samples, the most confidently wrong first. */
    public List<SamplePrediction> mostConfidentlyWrong(int limit) {
        return predictions.stream()
                .filter(prediction -> !prediction.correct())
                .sorted(Comparator.comparingDouble(SamplePrediction::confidence).reversed())
                .limit(limit)
                .toList();
    }
}
