package org.deepdesk.engine.eval;

/**
 * How a network did on a labelled set.
 *
 * @param accuracy fraction of samples classified right, in [0, 1]
 * @param meanLoss mean cross-entropy
 * @param confusion {@code confusion[actual][predicted]} sample counts
 */
public record Evaluation(double accuracy, double meanLoss, int[][] confusion) {

    public int classCount() {
        return confusion.length;
    }

    public int sampleCount() {
        int total = 0;
        for (int[] row : confusion) {
            for (int count : row) {
                total += count;
            }
        }
        return total;
    }
}
