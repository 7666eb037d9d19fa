package org.deepdesk.engine.eval;

/**
 * Accumulates predictions into accuracy, mean cross-entropy and a confusion matrix, batch by
 * batch, so evaluation never needs all probabilities at once.
 */
public final class ConfusionCounter {

    /** Probabilities are clipped to this before the logarithm, so a confident miss costs a finite loss. */
    private static final double MIN_PROBABILITY = 1e-7;

    private final int classCount;
    private final int[][] confusion;
    private double lossSum;
    private int count;
    private int correct;

    public ConfusionCounter(int classCount) {
        this.classCount = classCount;
        this.confusion = new int[classCount][classCount];
    }

    /**
     * Adds {@code count} samples.
     *
     * @param probabilities {@code count * classCount} values, sample after sample
     * @param labels the true classes, at least {@code count} of them
     */
    public void add(float[] probabilities, int[] labels, int count) {
        for (int sample = 0; sample < count; sample++) {
            int offset = sample * classCount;
            int predicted = argMax(probabilities, offset, classCount);
            int actual = labels[sample];

            confusion[actual][predicted]++;
            if (predicted == actual) {
                correct++;
            }
            lossSum -= Math.log(Math.max(MIN_PROBABILITY, probabilities[offset + actual]));
        }
        this.count += count;
    }

    public Evaluation result() {
        int[][] copy = new int[classCount][];
        for (int i = 0; i < classCount; i++) {
            copy[i] = confusion[i].clone();
        }
        double accuracy = count == 0 ? Double.NaN : (double) correct / count;
        double meanLoss = count == 0 ? Double.NaN : lossSum / count;
        return new Evaluation(accuracy, meanLoss, copy);
    }

    /** Returns the index of the largest of {@code length} values from {@code offset}. */
    public static int argMax(float[] values, int offset, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[offset + i] > values[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
