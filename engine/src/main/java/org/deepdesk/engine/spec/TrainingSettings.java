package org.deepdesk.engine.spec;

/**
 * How a network is trained.
 *
 * @param epochs passes over the training set per run, at least 1
 * @param batchSize samples per weight update, at least 1
 * @param optimizer the update rule
 * @param learningRate step size of the first epoch of a run, greater than 0
 * @param momentum SGD momentum in [0, 1); ignored by Adam and RMSProp
 * @param seed seeds weight initialisation, shuffling and dropout, so equal settings give equal runs
 * @param validationSplit fraction of the training set held out for validation, in [0, 0.5]
 * @param trainingLimit the number of training images used, or 0 for all of them
 * @param nesterov whether SGD with momentum uses Nesterov momentum instead of classical momentum
 * @param schedule how the learning rate changes over the epochs of a run
 * @param weightDecay the L2 penalty coefficient on weights (not biases), 0 for none
 * @param earlyStoppingPatience epochs without a lower validation loss before a run stops early,
 *     or 0 to never stop early
 */
public record TrainingSettings(
        int epochs,
        int batchSize,
        Optimizer optimizer,
        double learningRate,
        double momentum,
        long seed,
        double validationSplit,
        int trainingLimit,
        boolean nesterov,
        LearningRateSchedule schedule,
        double weightDecay,
        int earlyStoppingPatience) {

    public static final long DEFAULT_SEED = 42;

    /**
     * Creates settings with the defaults of the fields that format version 1 files may lack:
     * Nesterov momentum (what SGD with momentum always used before), a constant rate, no weight
     * decay and no early stopping.
     */
    public TrainingSettings(
            int epochs, int batchSize, Optimizer optimizer, double learningRate, double momentum,
            long seed, double validationSplit, int trainingLimit) {
        this(epochs, batchSize, optimizer, learningRate, momentum, seed, validationSplit, trainingLimit,
                true, LearningRateSchedule.DEFAULT, 0, 0);
    }

    /** Adam at 1e-3, batch 64, one epoch, 10% validation: the settings of the Keras reference. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(1, 64, Optimizer.ADAM, 1e-3, 0.9, DEFAULT_SEED, 0.1, 0);
    }

    public TrainingSettings withEpochs(int value) {
        return new TrainingSettings(value, batchSize, optimizer, learningRate, momentum, seed, validationSplit,
                trainingLimit, nesterov, schedule, weightDecay, earlyStoppingPatience);
    }

    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(epochs, value, optimizer, learningRate, momentum, seed, validationSplit,
                trainingLimit, nesterov, schedule, weightDecay, earlyStoppingPatience);
    }

    public TrainingSettings withOptimizer(Optimizer value) {
        return new TrainingSettings(epochs, batchSize, value, learningRate, momentum, seed, validationSplit,
                trainingLimit, nesterov, schedule, weightDecay, earlyStoppingPatience);
    }

    public TrainingSettings withLearningRate(double value) {
        return new TrainingSettings(epochs, batchSize, optimizer, value, momentum, seed, validationSplit,
                trainingLimit, nesterov, schedule, weightDecay, earlyStoppingPatience);
    }

    public TrainingSettings withMomentum(double value) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, value, seed, validationSplit,
                trainingLimit, nesterov, schedule, weightDecay, earlyStoppingPatience);
    }

    public TrainingSettings withSeed(long value) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, momentum, value, validationSplit,
                trainingLimit, nesterov, schedule, weightDecay, earlyStoppingPatience);
    }

    public TrainingSettings withValidationSplit(double value) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, momentum, seed, value,
                trainingLimit, nesterov, schedule, weightDecay, earlyStoppingPatience);
    }

    public TrainingSettings withTrainingLimit(int value) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, momentum, seed, validationSplit,
                value, nesterov, schedule, weightDecay, earlyStoppingPatience);
    }

    public TrainingSettings withNesterov(boolean value) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, momentum, seed, validationSplit,
                trainingLimit, value, schedule, weightDecay, earlyStoppingPatience);
    }

    public TrainingSettings withSchedule(LearningRateSchedule value) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, momentum, seed, validationSplit,
                trainingLimit, nesterov, value, weightDecay, earlyStoppingPatience);
    }

    public TrainingSettings withWeightDecay(double value) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, momentum, seed, validationSplit,
                trainingLimit, nesterov, schedule, value, earlyStoppingPatience);
    }

    public TrainingSettings withEarlyStoppingPatience(int value) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, momentum, seed, validationSplit,
                trainingLimit, nesterov, schedule, weightDecay, value);
    }

    /** Returns the learning rate of an epoch of a run, counted from 0, under the schedule. */
    public double learningRate(int runEpoch) {
        return schedule.rate(learningRate, runEpoch, epochs);
    }
}
