package org.deepdesk.app.draw;

import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.PersonalDigits;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.StopSignal;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.engine.train.Trainer;
import org.deepdesk.engine.train.TrainingEvent.Outcome;
import org.deepdesk.engine.train.TrainingListener;

/** One epoch of training on the user's digits mixed with MNIST, measured on those digits before and after. */
final class FineTuning {

    /** MNIST images mixed in, so the network keeps reading other people's digits while it learns the user's. */
    static final int MNIST_COUNT = 2000;

    /**
     * How many personal digits the network read correctly before and after the epoch.
     *
     * @param before correct before fine-tuning
     * @param after correct after fine-tuning
     * @param total personal digits measured
     * @param outcome how the epoch ended
     */
    record Result(int before, int after, int total, Outcome outcome) {
    }

    private FineTuning() {
    }

    /** Trains {@code network} in place on a background thread; the caller checks it takes 28x28 digits. */
    static Result run(TrainableNetwork network, PersonalDigits digits, ImageDataset mnist, TrainingSettings current,
                      StopSignal stop) {
        ImageDataset personal = digits.asDataset();
        int before = correctCount(network, personal);

        // Every image trains: the personal digits are too few to hold some out for validation.
        TrainingSettings settings = current.withEpochs(1).withValidationSplit(0).withTrainingLimit(0)
                .withEarlyStoppingPatience(0);
        ImageDataset mixed = digits.mixedWith(mnist, MNIST_COUNT, settings.seed() + network.stepCount());
        Outcome outcome = Trainer.run(network, mixed, settings, TrainingListener.NONE, stop);

        int after = correctCount(network, personal);
        return new Result(before, after, personal.size(), outcome);
    }

    private static int correctCount(TrainableNetwork network, ImageDataset dataset) {
        return (int) Math.round(network.evaluate(dataset).accuracy() * dataset.size());
    }
}
