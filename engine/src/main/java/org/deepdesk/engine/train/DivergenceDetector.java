package org.deepdesk.engine.train;

/**
 * Decides when a run has diverged: the loss is NaN or infinite, or it has stayed far above the
 * loss of guessing for several batches in a row.
 *
 * <p>Guessing uniformly among C classes costs ln(C), so a healthy run starts near it and falls.
 * Deeplearning4j clips probabilities inside its cross-entropy, which turns an exploding network
 * into a large finite loss rather than NaN; the threshold catches that case.
 */
final class DivergenceDetector {

    /**
     * How many times the loss of guessing counts as exploded. SGD at a learning rate of 10 on a
     * small CNN hovers between 2 and 5 times it, while healthy runs stay below it after their
     * first batches.
     */
    static final double EXPLODED_FACTOR = 2;

    /** Consecutive exploded batches before the run is called diverged; one bad batch may recover. */
    static final int PATIENCE = 5;

    private final double threshold;
    private int explodedInARow;

    DivergenceDetector(int classCount) {
        this.threshold = EXPLODED_FACTOR * Math.log(Math.max(2, classCount));
    }

    boolean diverged(double loss) {
        if (!Double.isFinite(loss)) {
            return true;
        }
        explodedInARow = loss > threshold ? explodedInARow + 1 : 0;
        return explodedInARow >= PATIENCE;
    }
}
