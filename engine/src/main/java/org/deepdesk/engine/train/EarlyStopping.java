package org.deepdesk.engine.train;

/**
 * Decides when the validation loss has stopped falling: after {@code patience} epochs in a row
 * without a new lowest value. It only stops the run; the weights stay those of the last epoch.
 */
final class EarlyStopping {

    private final int patience;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int epochsWithoutImprovement;

    /** @param patience epochs without improvement to tolerate, or 0 to never stop */
    EarlyStopping(int patience) {
        this.patience = patience;
    }

    /** Records one epoch's validation loss; NaN (no validation set) never stops a run. */
    boolean shouldStop(double validationLoss) {
        if (patience == 0 || Double.isNaN(validationLoss)) {
            return false;
        }
        if (validationLoss < bestLoss) {
            bestLoss = validationLoss;
            epochsWithoutImprovement = 0;
            return false;
        }
        epochsWithoutImprovement++;
        return epochsWithoutImprovement >= patience;
    }
}
