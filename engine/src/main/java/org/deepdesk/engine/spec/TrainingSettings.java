package org.deepdesk.engine.spec;

/**
 * How a network is trained.
 *
 * @param epochs passes over the training set per run, at least 1
 * @param batchSize samples per weight update, at least 1
 * @param optimizer the update rule
 * @param learningRate step size, greater than 0
 * @param momentum SGD momentum in [0, 1); ignored by Adam
 * @param seed seeds weight initialisation, shuffling and dropout, so equal settings give equal runs
 * @param validationSplit fraction of the training set held out for validation, in [0, 0.5]
 * @param trainingLimit the number of training images used, or 0 for all of them
 */
public record TrainingSettings(
        int epochs,
        int batchSize,
        Optimizer optimizer,
        double learningRate,
        double momentum,
        long seed,
        double validationSplit,
        int trainingLimit) {

    public static final long DEFAULT_SEED = 42;

    /** Adam at 1e-3, batch 64, one epoch, 10% validation: the settings of the Keras reference. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(1, 64, Optimizer.ADAM, 1e-3, 0.9, DEFAULT_SEED, 0.1, 0);
    }

    public TrainingSettings withEpochs(int value) {
        return new TrainingSettings(value, batchSize, optimizer, learningRate, momentum, seed, validationSplit, trainingLimit);
    }

    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(epochs, value, optimizer, learningRate, momentum, seed, validationSplit, trainingLimit);
    }

    public TrainingSettings withOptimizer(Optimizer value) {
        return new TrainingSettings(epochs, batchSize, value, learningRate, momentum, seed, validationSplit, trainingLimit);
    }

    public TrainingSettings withLearningRate(double value) {
        return new TrainingSettings(epochs, batchSize, optimizer, value, momentum, seed, validationSplit, trainingLimit);
    }

    public TrainingSettings withSeed(long value) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, momentum, value, validationSplit, trainingLimit);
    }

    public TrainingSettings withValidationSplit(double value) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, momentum, seed, value, trainingLimit);
    }

    public TrainingSettings withTrainingLimit(int value) {
        return new TrainingSettings(epochs, batchSize, optimizer, learningRate, momentum, seed, validationSplit, value);
    }
}
