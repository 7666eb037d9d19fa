package org.deepdesk.engine.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.eval.Evaluation;
import org.deepdesk.engine.eval.EvaluationReport;
import org.deepdesk.engine.eval.Evaluator;
import org.deepdesk.engine.inspect.ConvFilters;
import org.deepdesk.engine.inspect.LayerOutput;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.Checkpoints.Checkpoint;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network with its weights and history: what the user trains, draws against and saves.
 *
 * <p>Training and prediction may come from different threads (the Draw view predicts while a
 * run goes on), so every use of the backend holds one lock; a prediction waits at most for the
 * batch in progress. The history, checkpoints and settings have a second lock that is held only
 * for a list operation, so the FX thread can read them without waiting for a training step.
 * Code that needs both takes the backend lock first.
 */
public final class TrainableNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(TrainableNetwork.class);

    private final NetworkSpec spec;
    private final NetworkBackend backend;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guards batches, epochs, checkpoints, settings and restoredEpoch. */
    private final Object records = new Object();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<BatchRecord> batches = new ArrayList<>();
    private final List<EpochRecord> epochs = new ArrayList<>();
    private final Random shuffleRandom;
    private final Checkpoints checkpoints = new Checkpoints();
    private TrainingSettings settings;
    private EpochRecord restoredEpoch;

    TrainableNetwork(NetworkSpec spec, TrainingSettings settings, NetworkBackend backend, TrainingHistory history) {
        this.spec = spec;
        this.settings = settings;
        this.backend = backend;
        this.shuffleRandom = new Random(settings.seed());
        batches.addAll(history.batches());
        epochs.addAll(history.epochs());
    }

    /**
     * Creates a network with fresh weights drawn from the settings' seed, on the backend that
     * {@link Backend#selected()} names (the native-ops one unless {@code deepdesk.backend=dl4j}).
     *
     * @throws EngineException with the first problem when shape inference rejects the stack
     */
    public static TrainableNetwork create(NetworkSpec spec, TrainingSettings settings, int classCount) {
        return create(spec, settings, classCount, Backend.selected());
    }

    /**
     * Creates a network with fresh weights on the given backend.
     *
     * @throws EngineException with the first problem when shape inference rejects the stack
     */
    public static TrainableNetwork create(NetworkSpec spec, TrainingSettings settings, int classCount, Backend kind) {
        NetworkSummary summary = ShapeInference.summarize(spec, classCount);
        if (!summary.isValid()) {
            throw new EngineException(summary.firstProblem().orElseThrow());
        }
        NetworkBackend backend = kind.create(spec, settings, classCount);
        return new TrainableNetwork(spec, settings, backend, TrainingHistory.EMPTY);
    }

    /**
     * Creates a network on the selected backend with the given weights, as for a model imported
     * from Keras; layers without an entry in {@code weights} keep fresh weights from the seed.
     *
     * @throws EngineException with the first problem when shape inference rejects the stack
     * @throws IllegalArgumentException when the weights do not fit the layers
     */
    public static TrainableNetwork withWeights(NetworkSpec spec, TrainingSettings settings, int classCount,
                                               List<LayerWeights> weights) {
        return withWeights(spec, settings, classCount, weights, Backend.selected());
    }

    /** As {@link #withWeights(NetworkSpec, TrainingSettings, int, List)}, on the given backend. */
    public static TrainableNetwork withWeights(NetworkSpec spec, TrainingSettings settings, int classCount,
                                               List<LayerWeights> weights, Backend kind) {
        TrainableNetwork network = create(spec, settings, classCount, kind);
        network.backend.loadWeights(spec, weights);
        return network;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public int classCount() {
        return backend.classCount();
    }

    /** The settings of the latest run, or those the network was created with. */
    public TrainingSettings settings() {
        synchronized (records) {
            return settings;
        }
    }

    public TrainingHistory history() {
        synchronized (records) {
            return new TrainingHistory(batches, epochs);
        }
    }

    /** Returns the number of training steps over the network's whole history. */
    public long stepCount() {
        synchronized (records) {
            return batches.size();
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

    /** Returns every layer's output for one image, for the feature-map view; empty if the backend cannot. */
    public List<LayerOutput> layerOutputs(float[] image) {
        lock.lock();
        try {
            return backend.layerOutputs(spec, image);
        } finally {
            lock.unlock();
        }
    }

    /** Returns the kernels of every convolution layer, for the filter view; empty if the backend cannot. */
    public List<ConvFilters> convFilters() {
        lock.lock();
        try {
            return backend.convFilters(spec);
        } finally {
            lock.unlock();
        }
    }

    /** Returns accuracy, loss and confusion matrix on a labelled set. */
    public Evaluation evaluate(ImageDataset dataset) {
        return report(dataset).summary();
    }

    /** Returns the evaluation with every sample's prediction, for the inspection views. */
    public EvaluationReport report(ImageDataset dataset) {
        return Evaluator.evaluate(this::predict, dataset, classCount());
    }

    /** Runs one training step and records it; called by {@link Trainer} only. */
    NetworkBackend.BatchResult trainBatch(float[] features, int[] labels, int count) {
        lock.lock();
        try {
            NetworkBackend.BatchResult result = backend.trainBatch(features, labels, count);
            synchronized (records) {
                long step = batches.size() + 1L;
                batches.add(new BatchRecord(step, result.loss(), (double) result.correct() / count));
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Marks a training run as started; returns false when one is running already. */
    boolean claimRun() {
        return running.compareAndSet(false, true);
    }

    void releaseRun() {
        running.set(false);
    }

    void beginRun(TrainingSettings runSettings) {
        lock.lock();
        try {
            backend.applySettings(runSettings);
            synchronized (records) {
                settings = runSettings;
            }
        } finally {
            lock.unlock();
        }
    }

    void setLearningRate(double learningRate) {
        lock.lock();
        try {
            backend.setLearningRate(learningRate);
        } finally {
            lock.unlock();
        }
    }

    void recordEpoch(EpochRecord record) {
        synchronized (records) {
            epochs.add(record);
        }
    }

    /**
     * Keeps a snapshot of the current weights for the epoch that just ended; called by
     * {@link Trainer} after {@link #recordEpoch}.
     */
    void saveCheckpoint(EpochRecord record) {
        lock.lock();
        try {
            ByteArrayOutputStream weights = new ByteArrayOutputStream();
            backend.writeWeights(weights);
            synchronized (records) {
                checkpoints.add(new Checkpoint(record, batches.size(), weights.toByteArray()));
            }
        } catch (IOException e) {
            // A ByteArrayOutputStream never throws, so this comes from the backend's own serializer.
            throw new UncheckedIOException("Could not snapshot the weights after epoch " + record.epoch(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Returns the epoch of the best-validation snapshot, or empty when no validated epoch has ended. */
    public Optional<EpochRecord> bestCheckpoint() {
        synchronized (records) {
            return checkpoints.best().map(Checkpoint::epoch);
        }
    }

    /** Returns the epoch whose weights {@link #restoreBest()} restored last, or empty when none was. */
    public OptionalInt restoredEpoch() {
        synchronized (records) {
            return restoredEpoch == null ? OptionalInt.empty() : OptionalInt.of(restoredEpoch.epoch());
        }
    }

    /**
     * Replaces the weights with the snapshot of the epoch with the lowest validation loss. The
     * history keeps every batch and epoch, so the curves still show the later epochs; only
     * {@link #restoredEpoch()} records the restore.
     *
     * @return the epoch that was restored
     * @throws EngineException when a run is in progress or no validated epoch has a snapshot
     */
    public EpochRecord restoreBest() {
        if (!claimRun()) {
            throw new EngineException(Message.of("error.train.alreadyRunning", spec.name()));
        }
        lock.lock();
        try {
            Checkpoint best;
            synchronized (records) {
                best = checkpoints.best()
                        .orElseThrow(() -> new EngineException(Message.of("error.train.noCheckpoint", spec.name())));
            }
            backend.restoreWeights(best.weights());
            synchronized (records) {
                restoredEpoch = best.epoch();
            }
            LOG.info("Restored the weights of {} after epoch {} (validation loss {})",
                    spec.name(), best.epoch().epoch(), best.epoch().validationLoss());
            return best.epoch();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restore the snapshot of " + spec.name(), e);
        } finally {
            lock.unlock();
            releaseRun();
        }
    }

    /**
     * Hands free native memory back to the operating system, as the trainer does after every
     * epoch. Useful after dropped networks were garbage-collected, because the C heap would
     * otherwise keep their buffers.
     */
    public void releaseFreeMemory() {
        backend.releaseFreeMemory();
    }

    Random shuffleRandom() {
        return shuffleRandom;
    }

    /** The backend this network trains on. */
    public Backend backendKind() {
        return backend.kind();
    }

    NetworkBackend backend() {
        return backend;
    }

    ReentrantLock lock() {
        return lock;
    }
}
