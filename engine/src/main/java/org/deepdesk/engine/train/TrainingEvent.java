package org.deepdesk.engine.train;

import java.time.Duration;

/**
 * Progress of a training run, as immutable plain numbers. Listeners receive events on the
 * training thread; they must return quickly and hand any UI work to their own thread.
 */
public sealed interface TrainingEvent permits TrainingEvent.BatchEnd, TrainingEvent.EpochEnd, TrainingEvent.RunEnd {

    /**
     * One weight update finished.
     *
     * @param epoch the epoch number counted from 1 over the network's whole history
     * @param batch the batch number within the epoch, from 1
     * @param batchesPerEpoch batches in each epoch of this run
     * @param step the update number over the network's whole history, from 1
     * @param loss the batch's mean cross-entropy
     * @param accuracy the batch's fraction classified right, in [0, 1]
     * @param samplesPerSecond training throughput of this run so far
     * @param runProgress the fraction of this run done, in [0, 1]
     * @param remaining the estimated time until this run ends
     */
    record BatchEnd(
            int epoch,
            int batch,
            int batchesPerEpoch,
            long step,
            double loss,
            double accuracy,
            double samplesPerSecond,
            double runProgress,
            Duration remaining) implements TrainingEvent {
    }

    /**
     * An epoch finished and was validated.
     *
     * @param record the epoch's numbers, as kept in the history
     * @param learningRate the rate the schedule set for this epoch
     */
    record EpochEnd(EpochRecord record, double learningRate) implements TrainingEvent {
    }

    /**
     * The run ended, normally or not.
     *
     * @param outcome why it ended
     * @param epochsCompleted full epochs this run completed
     * @param elapsed wall time of the run
     */
    record RunEnd(Outcome outcome, int epochsCompleted, Duration elapsed) implements TrainingEvent {
    }

    /** How a run ended. A stopped or diverged run is a normal result, not an error. */
    enum Outcome {
        COMPLETED,
        STOPPED,
        /** The loss became NaN or infinite; the weights are no longer usable. */
        DIVERGED,
        /** The validation loss stopped falling for the patience set in the settings. */
        EARLY_STOPPED
    }
}
