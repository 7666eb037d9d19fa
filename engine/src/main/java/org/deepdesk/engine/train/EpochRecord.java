package org.deepdesk.engine.train;

/**
 * The numbers of one finished epoch. Validation values are NaN when no validation set was held out.
 *
 * @param epoch counted from 1 over the network's whole history
 * @param trainLoss mean batch loss over the epoch
 * @param trainAccuracy fraction of training samples classified right during the epoch
 * @param validationLoss mean cross-entropy on the validation set after the epoch
 * @param validationAccuracy fraction of the validation set classified right after the epoch
 * @param seconds wall time of the epoch, validation included
 */
public record EpochRecord(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double validationLoss,
        double validationAccuracy,
        double seconds) {
}
