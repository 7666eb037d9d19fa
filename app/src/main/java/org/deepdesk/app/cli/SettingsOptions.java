package org.deepdesk.app.cli;

import org.deepdesk.engine.spec.TrainingSettings;
import picocli.CommandLine.Option;

/**
 * Training options that override the settings stored with the network. An option left out keeps
 * the stored value, so it is null here rather than a default of its own.
 */
final class SettingsOptions {

    @Option(names = "--epochs", paramLabel = "N", descriptionKey = "cli.option.epochs")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", descriptionKey = "cli.option.batch")
    Integer batchSize;

    @Option(names = "--learning-rate", paramLabel = "RATE", descriptionKey = "cli.option.learningRate")
    Double learningRate;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "cli.option.seed")
    Long seed;

    @Option(names = "--limit", paramLabel = "N", descriptionKey = "cli.option.limit")
    Integer trainingLimit;

    @Option(names = "--validation-split", paramLabel = "FRACTION", descriptionKey = "cli.option.validationSplit")
    Double validationSplit;

    /** Returns {@code stored} with every given option applied. The trainer checks the ranges. */
    TrainingSettings applyTo(TrainingSettings stored) {
        TrainingSettings settings = stored;
        if (epochs != null) {
            settings = settings.withEpochs(epochs);
        }
        if (batchSize != null) {
            settings = settings.withBatchSize(batchSize);
        }
        if (learningRate != null) {
            settings = settings.withLearningRate(learningRate);
        }
        if (seed != null) {
            settings = settings.withSeed(seed);
        }
        if (trainingLimit != null) {
            settings = settings.withTrainingLimit(trainingLimit);
        }
        if (validationSplit != null) {
            settings = settings.withValidationSplit(validationSplit);
        }
        return settings;
    }
}
