package org.deepdesk.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.eval.ConfusionCounter;
import org.deepdesk.engine.eval.Evaluation;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.spec.TrainingSettings;

/**
 * A network with its weights and history: what the user trains, draws against and saves.
 *
 * <p>Training and prediction may come from different threads (the Draw view predicts while a
 * run goes on), so every use of the backend holds one lock; a prediction waits at most for the
 * batch in progress.
 */
public final class TrainableNetwork {

    private static final int EVALUATION_BATCH = 500;

    private final NetworkSpec spec;
    private final NetworkBackend backend;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<BatchRecord> batches = new ArrayList<>();
    private final List<EpochRecord> epochs = new ArrayList<>();
    private final Random shuffleRandom;
    private TrainingSettings settings;

    TrainableNetwork(NetworkSpec spec, TrainingSettings settings, NetworkBackend backend, TrainingHistory history) {
        this.spec = spec;
        this.settings = settings;
        this.backend = backend;
        this.shuffleRandom = new Random(settings.seed());
        batches.addAll(history.batches());
        epochs.addAll(history.epochs());
    }

    /**
     * Creates a network with fresh weights drawn from the settings' seed.
     *
     * @throws EngineException with the first problem when shape inference rejects the stack
     */
    public static TrainableNetwork create(NetworkSpec spec, TrainingSettings settings, int classCount) {
        NetworkSummary summary = ShapeInference.summarize(spec, classCount);
        if (!summary.isValid()) {
            throw new EngineException(summary.firstProblem().orElseThrow());
        }
        NetworkBackend backend = Dl4jBackend.create(spec, settings, classCount);
        return new TrainableNetwork(spec, settings, backend, TrainingHistory.EMPTY);
    }

    public NetworkSpec spec() {
        return spec;
    }

    public int classCount() {
        return backend.classCount();
    }

    /** The settings of the latest run, or those the network was created with. */
    public TrainingSettings settings() {
        lock.lock();
        try {
            return settings;
        } finally {
            lock.unlock();
        }
    }

    public TrainingHistory history() {
        lock.lock();
        try {
            return new TrainingHistory(batches, epochs);
        } finally {
            lock.unlock();
        }
    }

    /** Returns the number of training steps over the network's whole history. */
    public long stepCount() {
        lock.lock();
        try {
            return batches.size();
        } finally {
            lock.unlock();
        }
    }

    /** Returns the class probabilities of one image of the network's input shape, values in [0, 1]. */
    public float[] predict(float[] image) {
        if (image.length != spec.input().size()) {
            throw new IllegalArgumentException("expected " + spec.input().size() + " values, got " + image.length);
        }
        return predict(image, 1);
    }

    /** Returns {@code count * classCount} probabilities for {@code count} images. */
    public float[] predict(float[] images, int count) {
        lock.lock();
        try {
            return backend.predict(images, count);
        } finally {
            lock.unlock();
        }
    }

    /** Returns accuracy, loss and confusion matrix on a labelled set. */
    public Evaluation evaluate(ImageDataset dataset) {
        ConfusionCounter counter = new ConfusionCounter(classCount());
        int sampleSize = dataset.sampleSize();
        float[] features = new float[EVALUATION_BATCH * sampleSize];
        int[] labels = new int[EVALUATION_BATCH];

        for (int start = 0; start < dataset.size(); start += EVALUATION_BATCH) {
            int count = Math.min(EVALUATION_BATCH, dataset.size() - start);
            for (int i = 0; i < count; i++) {
                dataset.copyImage(start + i, features, i * sampleSize);
                labels[i] = dataset.labels()[start + i];
            }
            float[] probabilities = predict(count == EVALUATION_BATCH ? features : Arrays.copyOf(features, count * sampleSize), count);
            counter.add(probabilities, labels, count);
        }
        return counter.result();
    }

    /** Runs one training step and records it; called by {@link Trainer} only. */
    NetworkBackend.BatchResult trainBatch(float[] features, int[] labels, int count) {
        lock.lock();
        try {
            NetworkBackend.BatchResult result = backend.trainBatch(features, labels, count);
            long step = batches.size() + 1L;
            batches.add(new BatchRecord(step, result.loss(), (double) result.correct() / count));
            return result;
        } finally {
            lock.unlock();
        }
    }

    void beginRun(TrainingSettings runSettings) {
        lock.lock();
        try {
            backend.applySettings(runSettings);
            settings = runSettings;
        } finally {
            lock.unlock();
        }
    }

    void recordEpoch(EpochRecord record) {
        lock.lock();
        try {
            epochs.add(record);
        } finally {
            lock.unlock();
        }
    }

    Random shuffleRandom() {
        return shuffleRandom;
    }

    NetworkBackend backend() {
        return backend;
    }

    ReentrantLock lock() {
        return lock;
    }
}
