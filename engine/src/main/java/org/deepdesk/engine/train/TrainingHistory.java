package org.deepdesk.engine.train;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything a network has been through: every batch and every epoch, over all runs.
 */
public record TrainingHistory(List<BatchRecord> batches, List<EpochRecord> epochs) {

    public static final TrainingHistory EMPTY = new TrainingHistory(List.of(), List.of());

    public TrainingHistory {
        batches = List.copyOf(batches);
        epochs = List.copyOf(epochs);
    }

    public int epochCount() {
        return epochs.size();
    }

    /** Returns the epoch with the lowest validation loss, or empty when no epoch was validated. */
    public Optional<EpochRecord> bestEpoch() {
        return epochs.stream()
                .filter(epoch -> !Double.isNaN(epoch.validationLoss()))
                .min(Comparator.comparingDouble(EpochRecord::validationLoss));
    }

    public long stepCount() {
        return batches.isEmpty() ? 0 : batches.get(batches.size() - 1).step();
    }
}
