package org.deepdesk.engine.train;

import java.time.Duration;
import java.util.Random;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;

/**
 * Estimates the time of one training epoch on this machine by timing a few real training steps
 * of a throwaway copy of the network on random images, then scaling to the epoch's batch count.
 *
 * <p>The first steps are not timed, because they include ND4J's warm-up (native library loading,
 * workspace allocation). The estimate leaves out validation and data loading, so a real epoch
 * takes somewhat longer.
 */
public final class EpochTimeProbe {

    /** Untimed steps before the measurement. */
    public static final int WARMUP_STEPS = 2;

    /** Timed steps; the mean of these is scaled to an epoch. */
    public static final int MEASURED_STEPS = 5;

    private EpochTimeProbe() {
    }

    /**
     * The measurement.
     *
     * @param perBatch mean wall time of one training step
     * @param batchesPerEpoch training steps in one epoch with the given settings
     */
    public record Estimate(Duration perBatch, int batchesPerEpoch) {

        public Duration perEpoch() {
            return perBatch.multipliedBy(batchesPerEpoch);
        }
    }

    /**
     * Times training steps of {@code spec} with {@code settings}' batch size and optimizer.
     *
     * @param datasetSize images in the full training set, before the training limit and the
     *     validation split
     * @throws org.deepdesk.engine.EngineException when shape inference rejects the stack
     */
    public static Estimate measure(NetworkSpec spec, TrainingSettings settings, int classCount, int datasetSize) {
        TrainableNetwork network = TrainableNetwork.create(spec, settings, classCount);
        int batchSize = settings.batchSize();
        int sampleSize = (int) spec.input().size();
        float[] features = new float[batchSize * sampleSize];
        int[] labels = new int[batchSize];
        Random random = new Random(settings.seed());
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextFloat();
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(classCount);
        }

        for (int step = 0; step < WARMUP_STEPS; step++) {
            network.trainBatch(features, labels, batchSize);
        }
        long start = System.nanoTime();
        for (int step = 0; step < MEASURED_STEPS; step++) {
            network.trainBatch(features, labels, batchSize);
        }
        Duration perBatch = Duration.ofNanos((System.nanoTime() - start) / MEASURED_STEPS);

        int images = trainingImages(datasetSize, settings);
        return new Estimate(perBatch, (images + batchSize - 1) / batchSize);
    }

    /** Returns the images one epoch trains on: the training limit, less the validation split. */
    static int trainingImages(int datasetSize, TrainingSettings settings) {
        int limited = settings.trainingLimit() > 0 ? Math.min(settings.trainingLimit(), datasetSize) : datasetSize;
        return limited - (int) Math.floor(limited * settings.validationSplit());
    }
}
