package org.deepdesk.app.train;

import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.deepdesk.app.Datasets;
import org.deepdesk.app.build.BuildViewModel;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.StopSignal;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.engine.train.Trainer;
import org.deepdesk.engine.train.TrainingEvent;
import org.deepdesk.engine.train.TrainingEvent.BatchEnd;
import org.deepdesk.engine.train.TrainingEvent.EpochEnd;
import org.deepdesk.engine.train.TrainingEvent.Outcome;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training settings, the run in progress and its curves. A run is a {@link Task} on a background
 * thread; its events go into a queue that the FX thread drains a few times per second, so the
 * charts redraw in batches however fast the batches come.
 */
public final class TrainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TrainViewModel.class);
    private static final Duration DRAIN_INTERVAL = Duration.millis(200);

    private final BuildViewModel build;
    private final Datasets datasets;
    private final ExecutorService background;

    private final IntegerProperty epochs = new SimpleIntegerProperty();
    private final IntegerProperty batchSize = new SimpleIntegerProperty();
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>();
    private final DoubleProperty learningRate = new SimpleDoubleProperty();
    private final DoubleProperty validationSplit = new SimpleDoubleProperty();
    private final IntegerProperty trainingLimit = new SimpleIntegerProperty();
    private final LongProperty seed = new SimpleLongProperty();

    private final ReadOnlyObjectWrapper<TrainableNetwork> network = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyObjectWrapper<Message> status = new ReadOnlyObjectWrapper<>(Message.of("train.status.ready"));
    private final ReadOnlyObjectWrapper<Message> speed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> error = new ReadOnlyObjectWrapper<>();

    private final TrainingCurves curves = new TrainingCurves();
    private final Queue<TrainingEvent> pending = new ConcurrentLinkedQueue<>();
    private final Timeline drain = new Timeline(new KeyFrame(DRAIN_INTERVAL, event -> drainEvents()));
    private volatile StopSignal stop = new StopSignal();

    public TrainViewModel(BuildViewModel build, Datasets datasets, ExecutorService background) {
        this.build = build;
        this.datasets = datasets;
        this.background = background;
        drain.setCycleCount(Animation.INDEFINITE);
        build.presetSettingsProperty().addListener((observable, old, settings) -> useSettings(settings));
        useSettings(build.presetSettingsProperty().get());
    }

    private void useSettings(TrainingSettings settings) {
        if (settings == null) {
            return;
        }
        epochs.set(settings.epochs());
        batchSize.set(settings.batchSize());
        optimizer.set(settings.optimizer());
        learningRate.set(settings.learningRate());
        validationSplit.set(settings.validationSplit());
        trainingLimit.set(settings.trainingLimit());
        seed.set(settings.seed());
    }

    /** The settings as the user has set them now. */
    public TrainingSettings settings() {
        TrainingSettings preset = build.presetSettingsProperty().get();
        double momentum = preset == null ? 0.9 : preset.momentum();
        return new TrainingSettings(epochs.get(), batchSize.get(), optimizer.get(), learningRate.get(), momentum,
                seed.get(), validationSplit.get(), trainingLimit.get());
    }

    /** Starts a run: on the current weights when the stack is unchanged, on fresh ones otherwise. */
    public void start() {
        if (running.get() || !build.validProperty().get()) {
            return;
        }
        TrainingSettings settings = settings();
        NetworkSpec spec = build.spec();
        TrainableNetwork current = network.get();
        boolean fresh = current == null || !current.spec().equals(spec);
        if (fresh) {
            curves.clear();
            curves.notifyCharts();
        }

        StopSignal runStop = new StopSignal();
        stop = runStop;
        Task<RunResult> task = new Task<>() {
            @Override
            protected RunResult call() {
                return train(spec, settings, fresh ? null : current, runStop);
            }
        };
        task.setOnSucceeded(event -> finish(task.getValue()));
        task.setOnFailed(event -> fail(task.getException()));

        running.set(true);
        progress.set(-1);
        error.set(null);
        result.set(null);
        status.set(Message.of(fresh ? "train.status.loading" : "train.status.continuing"));
        drain.play();
        background.submit(task);
    }

    /** Runs on the background thread. */
    private RunResult train(NetworkSpec spec, TrainingSettings settings, TrainableNetwork existing, StopSignal runStop) {
        ImageDataset training = datasets.training();
        TrainableNetwork target = existing != null ? existing : TrainableNetwork.create(spec, settings, BuildViewModel.CLASS_COUNT);
        if (existing == null) {
            Platform.runLater(() -> network.set(target));
        }

        Outcome outcome = Trainer.run(target, training, settings, pending::add, runStop);
        if (outcome == Outcome.DIVERGED) {
            return new RunResult(outcome, null);
        }
        return new RunResult(outcome, target.evaluate(datasets.test()));
    }

    /** Asks the run to end after the current batch; the weights stay usable. */
    public void stop() {
        stop.request();
    }

    /** Forgets the trained weights, so the next run starts from fresh ones drawn from the seed. */
    public void resetWeights() {
        if (running.get()) {
            return;
        }
        network.set(null);
        curves.clear();
        curves.notifyCharts();
        result.set(null);
        status.set(Message.of("train.status.ready"));
    }

    /** Shows a network loaded from a file, with its curves. */
    public void showLoaded(TrainableNetwork loaded) {
        network.set(loaded);
        int batchesPerEpoch = (int) Math.max(1, loaded.history().stepCount() / Math.max(1, loaded.history().epochCount()));
        curves.show(loaded.history(), batchesPerEpoch);
        status.set(Message.of("train.status.loaded", loaded.spec().name(), loaded.history().epochCount()));
    }

    private void drainEvents() {
        BatchEnd lastBatch = null;
        for (TrainingEvent event = pending.poll(); event != null; event = pending.poll()) {
            if (event instanceof BatchEnd batch) {
                curves.addBatch(batch);
                lastBatch = batch;
            } else if (event instanceof EpochEnd epoch) {
                curves.addEpoch(epoch.record());
            }
        }
        if (lastBatch != null) {
            progress.set(lastBatch.runProgress());
            status.set(Message.of("train.status.progress", lastBatch.epoch(), lastBatch.batch(), lastBatch.batchesPerEpoch(),
                    lastBatch.loss(), lastBatch.accuracy() * 100));
            speed.set(Message.of("train.status.speed", Math.round(lastBatch.samplesPerSecond()), formatEta(lastBatch.remaining())));
        }
        curves.notifyCharts();
    }

    private static String formatEta(java.time.Duration remaining) {
        long seconds = remaining.toSeconds();
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private void finish(RunResult run) {
        drainEvents();
        drain.stop();
        running.set(false);
        progress.set(run.outcome() == Outcome.COMPLETED ? 1 : progress.get());
        status.set(Message.of("train.outcome." + run.outcome().name().toLowerCase(Locale.ROOT)));
        if (run.test() != null) {
            result.set(Message.of("train.testAccuracy", run.test().accuracy() * 100));
        }
        if (run.outcome() == Outcome.DIVERGED) {
            // Diverged weights predict garbage, so the next run starts from fresh ones.
            network.set(null);
            error.set(Message.of("train.diverged", learningRate.get()));
        }
    }

    private void fail(Throwable failure) {
        drainEvents();
        drain.stop();
        running.set(false);
        progress.set(0);
        status.set(Message.of("train.status.failed"));
        if (failure instanceof EngineException engine) {
            LOG.warn("Training could not run: {}", engine.getMessage());
            error.set(engine.userMessage());
        } else {
            LOG.error("Training failed", failure);
            error.set(Message.of("error.unexpected", String.valueOf(failure)));
        }
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public ObjectProperty<Optimizer> optimizerProperty() {
        return optimizer;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public DoubleProperty validationSplitProperty() {
        return validationSplit;
    }

    public IntegerProperty trainingLimitProperty() {
        return trainingLimit;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public ReadOnlyObjectProperty<TrainableNetwork> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Run progress in [0, 1], or -1 while the data loads. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> speedProperty() {
        return speed.getReadOnlyProperty();
    }

    /** The test accuracy of the last run, or null. */
    public ReadOnlyObjectProperty<Message> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the last run failed or diverged, or null. */
    public ReadOnlyObjectProperty<Message> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public TrainingCurves curves() {
        return curves;
    }
}
