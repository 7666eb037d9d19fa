package org.deepdesk.engine.train;

import java.util.Optional;

/**
 * The in-memory weight snapshots of one network: the latest epoch and the epoch with the lowest
 * validation loss. Snapshots are the bytes of {@link NetworkBackend#writeWeights}, so a restore
 * goes through the same format as a model file. It is not thread-safe, so {@link TrainableNetwork}
 * guards it with its lock.
 */
final class Checkpoints {

    private Checkpoint latest;
    private Checkpoint best;

    /**
     * Keeps a snapshot as the latest, and as the best when its validation loss is lower than the
     * best one's. An epoch without validation (NaN loss) never becomes the best, and a tie keeps
     * the earlier epoch, as {@link TrainingHistory#bestEpoch()} does.
     */
    void add(Checkpoint checkpoint) {
        latest = checkpoint;
        double loss = checkpoint.epoch().validationLoss();
        if (Double.isNaN(loss)) {
            return;
        }
        if (best == null || loss < best.epoch().validationLoss()) {
            best = checkpoint;
        }
    }

    Optional<Checkpoint> latest() {
        return Optional.ofNullable(latest);
    }

    Optional<Checkpoint> best() {
        return Optional.ofNullable(best);
    }

    /**
     * One snapshot taken at an epoch end.
     *
     * @param epoch the epoch that had just finished
     * @param stepCount training steps in the history when the snapshot was taken
     * @param weights the backend's weights and optimizer state
     */
    record Checkpoint(EpochRecord epoch, long stepCount, byte[] weights) {
    }
}
