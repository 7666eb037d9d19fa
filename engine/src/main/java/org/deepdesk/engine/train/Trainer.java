package org.deepdesk.engine.train;

import java.time.Duration;
import java.util.Arrays;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.eval.Evaluation;
import org.deepdesk.engine.spec.LearningRateSchedule;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.TrainingEvent.BatchEnd;
import org.deepdesk.engine.train.TrainingEvent.EpochEnd;
import org.deepdesk.engine.train.TrainingEvent.Outcome;
import org.deepdesk.engine.train.TrainingEvent.RunEnd;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs training epochs on a {@link TrainableNetwork}, on the calling thread, and reports each
 * batch and epoch to a listener. A second run continues from the current weights and history.
 *
 * <p>After each epoch the network keeps an in-memory snapshot of its weights, so the epoch with
 * the lowest validation loss can be restored with {@link TrainableNetwork#restoreBest()}.
 *
 * <p>The validation set is the same on every run with the same seed and data: a seeded
 * permutation picks it before any training, so it never leaks into the training batches.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private Trainer() {
    }

    /**
     * Trains for {@code settings.epochs()} epochs, or until stopped or diverged.
     *
     * @param trainingSet the labelled images; the validation split is taken from it
     * @return how the run ended
     * @throws EngineException when the settings or the data do not fit the network
     */
    public static Outcome run(
            TrainableNetwork network,
            ImageDataset trainingSet,
            TrainingSettings settings,
            TrainingListener listener,
            StopSignal stop) {
        checkSettings(settings);
        checkData(network, trainingSet);

        DataSplit split = DataSplit.of(trainingSet.head(settings.trainingLimit()), settings.validationSplit(), settings.seed());
        // Two runs on one network would interleave their batches and both record the same epochs.
        if (!network.claimRun()) {
            throw new EngineException(Message.of("error.train.alreadyRunning", network.spec().name()));
        }
        try {
            network.beginRun(settings);
            LOG.info("Training {} on {} images ({} for validation), {} epochs of batch {}",
                    network.spec().name(), split.training().size(), split.validation().size(), settings.epochs(), settings.batchSize());
            return new Run(network, split, settings, listener, stop).execute();
        } finally {
            network.releaseRun();
        }
    }

    private static void checkSettings(TrainingSettings settings) {
        if (settings.epochs() < 1) {
            throw new EngineException(Message.of("error.settings.epochs", settings.epochs()));
        }
        if (settings.batchSize() < 1) {
            throw new EngineException(Message.of("error.settings.batchSize", settings.batchSize()));
        }
        if (!(settings.learningRate() > 0) || Double.isInfinite(settings.learningRate())) {
            throw new EngineException(Message.of("error.settings.learningRate", settings.learningRate()));
        }
        if (!(settings.momentum() >= 0 && settings.momentum() < 1)) {
            throw new EngineException(Message.of("error.settings.momentum", settings.momentum()));
        }
        if (!(settings.validationSplit() >= 0 && settings.validationSplit() <= 0.5)) {
            throw new EngineException(Message.of("error.settings.validationSplit", settings.validationSplit()));
        }
        if (settings.trainingLimit() < 0) {
            throw new EngineException(Message.of("error.settings.trainingLimit", settings.trainingLimit()));
        }
        if (!(settings.weightDecay() >= 0) || Double.isInfinite(settings.weightDecay())) {
            throw new EngineException(Message.of("error.settings.weightDecay", settings.weightDecay()));
        }
        if (settings.earlyStoppingPatience() < 0) {
            throw new EngineException(Message.of("error.settings.patience", settings.earlyStoppingPatience()));
        }
        LearningRateSchedule schedule = settings.schedule();
        if (schedule == null || schedule.kind() == null || schedule.stepEpochs() < 1
                || !(schedule.decay() > 0 && schedule.decay() <= 1)) {
            throw new EngineException(Message.of("error.settings.schedule",
                    schedule == null ? "null" : schedule.stepEpochs(), schedule == null ? "null" : schedule.decay()));
        }
    }

    private static void checkData(TrainableNetwork network, ImageDataset data) {
        if (!data.shape().equals(network.spec().input())) {
            throw new EngineException(Message.of("error.data.shapeMismatch", data.name(), data.shape(), network.spec().input()));
        }
        if (data.classCount() != network.classCount()) {
            throw new EngineException(Message.of("error.data.classMismatch", data.name(), data.classCount(), network.classCount()));
        }
        if (data.size() == 0) {
            throw new EngineException(Message.of("error.data.empty", data.name()));
        }
    }

    /** The state of one run; lives only while {@link #run} executes. */
    private static final class Run {

        private final TrainableNetwork network;
        private final DataSplit split;
        private final TrainingSettings settings;
        private final TrainingListener listener;
        private final StopSignal stop;
        private final int batchesPerEpoch;
        private final long totalBatches;
        private final long startNanos = System.nanoTime();
        private final DivergenceDetector divergence;
        private final EarlyStopping earlyStopping;
        private long batchesDone;
        private long samplesDone;
        private long pausedNanos;

        Run(TrainableNetwork network, DataSplit split, TrainingSettings settings, TrainingListener listener, StopSignal stop) {
            this.network = network;
            this.split = split;
            this.settings = settings;
            this.listener = listener;
            this.stop = stop;
            this.batchesPerEpoch = (split.training().size() + settings.batchSize() - 1) / settings.batchSize();
            this.totalBatches = (long) batchesPerEpoch * settings.epochs();
            this.divergence = new DivergenceDetector(network.classCount());
            this.earlyStopping = new EarlyStopping(settings.earlyStoppingPatience());
        }

        Outcome execute() {
            int completed = 0;
            Outcome outcome = Outcome.COMPLETED;

            for (int runEpoch = 0; runEpoch < settings.epochs(); runEpoch++) {
                outcome = trainEpoch(settings.learningRate(runEpoch));
                if (outcome == Outcome.COMPLETED || outcome == Outcome.EARLY_STOPPED) {
                    completed++;
                }
                if (outcome != Outcome.COMPLETED) {
                    break;
                }
            }

            network.backend().releaseFreeMemory();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            LOG.info("Training run ended: {} after {} epochs in {} s", outcome, completed, elapsed.toSeconds());
            listener.onEvent(new RunEnd(outcome, completed, elapsed));
            return outcome;
        }

        private Outcome trainEpoch(double learningRate) {
            long epochStart = System.nanoTime();
            int epoch = network.history().epochCount() + 1;
            network.setLearningRate(learningRate);
            ImageDataset training = split.training();
            int[] order = Shuffle.permutation(training.size(), network.shuffleRandom());

            int sampleSize = training.sampleSize();
            float[] features = new float[settings.batchSize() * sampleSize];
            int[] labels = new int[settings.batchSize()];
            double lossSum = 0;
            long correctSum = 0;
            int seen = 0;

            for (int batch = 0; batch < batchesPerEpoch; batch++) {
                if (!waitWhilePaused() || stop.isRequested()) {
                    return Outcome.STOPPED;
                }
                int start = batch * settings.batchSize();
                int count = Math.min(settings.batchSize(), training.size() - start);
                for (int i = 0; i < count; i++) {
                    int index = order[start + i];
                    training.copyImage(index, features, i * sampleSize);
                    labels[i] = training.labels()[index];
                }
                float[] batchFeatures = count == settings.batchSize() ? features : Arrays.copyOf(features, count * sampleSize);

                NetworkBackend.BatchResult result = network.trainBatch(batchFeatures, labels, count);
                if (divergence.diverged(result.loss())) {
                    LOG.warn("Loss became {} at epoch {} batch {}; stopping the run", result.loss(), epoch, batch + 1);
                    return Outcome.DIVERGED;
                }
                lossSum += result.loss() * count;
                correctSum += result.correct();
                seen += count;
                reportBatch(epoch, batch + 1, result, count);
            }

            EpochRecord record = validate(epoch, lossSum / seen, (double) correctSum / seen, epochStart);
            network.recordEpoch(record);
            network.saveCheckpoint(record);
            // Without this, the C heap keeps every scratch block it ever freed and resident memory creeps up epoch by epoch.
            network.backend().releaseFreeMemory();
            listener.onEvent(new EpochEnd(record, learningRate));
            if (earlyStopping.shouldStop(record.validationLoss())) {
                LOG.info("Validation loss has not fallen for {} epochs; stopping early after epoch {}",
                        settings.earlyStoppingPatience(), epoch);
                return Outcome.EARLY_STOPPED;
            }
            return Outcome.COMPLETED;
        }

        /** Returns false when the thread was interrupted while paused, which ends the run like a stop. */
        private boolean waitWhilePaused() {
            try {
                pausedNanos += stop.awaitResume();
                return true;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void reportBatch(int epoch, int batch, NetworkBackend.BatchResult result, int count) {
            batchesDone++;
            samplesDone += count;
            // Time spent paused is left out, so speed and time left describe the training itself.
            long activeNanos = System.nanoTime() - startNanos - pausedNanos;
            double seconds = activeNanos / 1e9;
            double samplesPerSecond = seconds > 0 ? samplesDone / seconds : 0;
            double progress = (double) batchesDone / totalBatches;
            long remainingNanos = (long) (activeNanos * ((double) (totalBatches - batchesDone) / batchesDone));
            listener.onEvent(new BatchEnd(epoch, batch, batchesPerEpoch, network.stepCount(),
                    result.loss(), (double) result.correct() / count, samplesPerSecond, progress, Duration.ofNanos(remainingNanos)));
        }

        private EpochRecord validate(int epoch, double trainLoss, double trainAccuracy, long epochStart) {
            double validationLoss = Double.NaN;
            double validationAccuracy = Double.NaN;
            if (split.validation().size() > 0) {
                Evaluation evaluation = network.evaluate(split.validation());
                validationLoss = evaluation.meanLoss();
                validationAccuracy = evaluation.accuracy();
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            LOG.info("Epoch {}: loss {} accuracy {} validation loss {} accuracy {} ({} s)",
                    epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, seconds);
            return new EpochRecord(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, seconds);
        }
    }
}
