package org.deepdesk.engine.spec;

/**
 * How the learning rate changes from epoch to epoch within one run. Every backend gets the rate
 * of each epoch from {@link #rate}, so all of them follow the same schedule.
 *
 * @param kind the shape of the curve
 * @param stepEpochs for {@link Kind#STEP}: epochs between two drops, at least 1; kept but unused
 *     by the other kinds, so switching kinds in the form loses nothing
 * @param decay for {@link Kind#STEP}: the factor of each drop; for {@link Kind#EXPONENTIAL}: the
 *     factor per epoch; in (0, 1]
 */
public record LearningRateSchedule(Kind kind, int stepEpochs, double decay) {

    /** The shape of a schedule. */
    public enum Kind {
        /** The base rate in every epoch. */
        CONSTANT,
        /** The base rate times {@code decay} after every {@code stepEpochs} epochs. */
        STEP,
        /** The base rate times {@code decay} to the power of the epoch. */
        EXPONENTIAL,
        /** Half a cosine wave from the base rate towards 0 over the epochs of the run. */
        COSINE
    }

    /** A constant rate, with step and decay values ready for when the user picks another kind. */
    public static final LearningRateSchedule DEFAULT = new LearningRateSchedule(Kind.CONSTANT, 2, 0.5);

    /**
     * Returns the learning rate of one epoch.
     *
     * @param baseRate the rate of the first epoch
     * @param epoch the epoch within the run, counted from 0
     * @param epochs the number of epochs in the run, at least 1
     */
    public double rate(double baseRate, int epoch, int epochs) {
        return switch (kind) {
            case CONSTANT -> baseRate;
            case STEP -> baseRate * Math.pow(decay, epoch / Math.max(1, stepEpochs));
            case EXPONENTIAL -> baseRate * Math.pow(decay, epoch);
            case COSINE -> baseRate * 0.5 * (1 + Math.cos(Math.PI * epoch / Math.max(1, epochs)));
        };
    }

    public LearningRateSchedule withKind(Kind value) {
        return new LearningRateSchedule(value, stepEpochs, decay);
    }

    public LearningRateSchedule withStepEpochs(int value) {
        return new LearningRateSchedule(kind, value, decay);
    }

    public LearningRateSchedule withDecay(double value) {
        return new LearningRateSchedule(kind, stepEpochs, value);
    }
}
