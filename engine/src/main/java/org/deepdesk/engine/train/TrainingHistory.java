package org.deepdesk.engine.train;

import java.util.List;

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

    public long stepCount() {
        return batches.isEmpty() ? 0 : batches.get(batches.size() - 1).step();
    }
}
