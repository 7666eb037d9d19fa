package org.deepdesk.app.train;

import java.util.Locale;
import java.util.Optional;
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
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.deepdesk.app.Datasets;
import org.deepdesk.app.build.BuildViewModel;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.EpochRecord;
import org.deepdesk.engine.train.MemoryCheck;
import org.deepdesk.engine.train.StopSignal;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.engine.train.Trainer;
import org.deepdesk.engine.train.TrainingEvent;
import org.deepdesk.engine.train.TrainingListener;
import org.deepdesk.engine.train.TrainingEvent.BatchEnd;
import org.deepdesk.engine.train.TrainingEvent.EpochEnd;
import org.deepdesk.engine.train.TrainingEvent.Outcome;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training settings, the run in progress, its curves and the runs of the session. A run is a
 * {@link Task} on a background thread; its events go into a queue that the FX thread drains a
 * few times per second, so the charts redraw in batches however fast the batches come.
 */
public final class TrainViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TrainViewModel.class);
    private static final Duration DRAIN_INTERVAL = Duration.millis(200);

    /** The factor "Retry with a lower learning rate" divides the rate by. */
    private static final double RETRY_RATE_DIVISOR = 10;

    private final BuildViewModel build;
    private final Datasets datasets;
    private final ExecutorService background;
    private final TrainSettingsModel form = new TrainSettingsModel();

    private final ReadOnlyObjectWrapper<TrainableNetwork> network = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper diverged = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyIntegerWrapper bestEpoch = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Message> status = new ReadOnlyObjectWrapper<>(Message.of("train.status.ready"));
    private final ReadOnlyObjectWrapper<Message> speed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> error = new ReadOnlyObjectWrapper<>();
    /** The exception behind {@link #error} when a run failed, for the details dialog; null otherwise. */
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();

    private final TrainingCurves curves = new TrainingCurves();
    private final RunLog runLog = new RunLog();
    private final BestCheckpoint bestCheckpoint = new BestCheckpoint();
    private final Queue<TrainingEvent> pending = new ConcurrentLinkedQueue<>();
    private final Timeline drain = new Timeline(new KeyFrame(DRAIN_INTERVAL, event -> drainEvents()));
    private volatile StopSignal stop = new StopSignal();
    private TrainingSettings runSettings;

    public TrainViewModel(BuildViewModel build, Datasets datasets, ExecutorService background) {
        this.build = build;
        this.datasets = datasets;
        this.background = background;
        drain.setCycleCount(Animation.INDEFINITE);
        build.presetSettingsProperty().addListener((observable, old, settings) -> useSettings(settings));
        useSettings(build.presetSettingsProperty().get());
        network.addListener((observable, old, shown) -> bestCheckpoint.refresh(shown));
        runLog.compared().addListener((ListChangeListener<RunRecord>) change -> {
            curves.showOverlays(runLog.compared());
        });
    }

    private void useSettings(TrainingSettings settings) {
        if (settings != null) {
            form.set(settings);
        }
    }

    /** The settings as the user has set them now. */
    public TrainingSettings settings() {
        return form.get();
    }

    /** Starts a run: on the current weights when the stack is unchanged, on fresh ones otherwise. */
    public void start() {
        if (running.get() || !build.validProperty().get()) {
            return;
        }
        TrainingSettings settings = settings();
        NetworkSpec spec = build.spec();
        int classCount = build.classCount();

        // A stack that cannot fit in memory gets a warning instead of a crash halfway through.
        Optional<Message> memory = MemoryCheck.check(spec, settings, classCount);
        if (memory.isPresent()) {
            error.set(memory.get());
            return;
        }

        TrainableNetwork current = network.get();
        boolean fresh = current == null || !current.spec().equals(spec);
        if (fresh) {
            curves.clear();
            curves.notifyCharts();
            bestEpoch.set(0);
        }

        StopSignal runStop = new StopSignal();
        stop = runStop;
        runSettings = settings;
        runLog.beginRun();
        Task<RunResult> task = new Task<>() {
            @Override
            protected RunResult call() {
                return train(spec, settings, classCount, fresh ? null : current, fresh && current != null, runStop);
            }
        };
        task.setOnSucceeded(event -> finish(task.getValue()));
        task.setOnFailed(event -> fail(task.getException()));

        running.set(true);
        paused.set(false);
        diverged.set(false);
        progress.set(-1);
        error.set(null);
        failure.set(null);
        result.set(null);
        status.set(Message.of(fresh ? "train.status.loading" : "train.status.continuing"));
        drain.play();
        background.submit(task);
    }
    /** Runs on the background thread. */
    private RunResult train(NetworkSpec spec, TrainingSettings settings, int classCount, TrainableNetwork existing,
                            boolean replacing, StopSignal runStop) {
        ComputeThreadPriority.lowerExisting();
        ImageDataset training = datasets.training();
        TrainableNetwork target = existing != null ? existing : TrainableNetwork.create(spec, settings, classCount);
        if (existing == null) {
            Platform.runLater(() -> network.set(target));
        }

        TrainingListener events = replacing ? new ReplacedNetworkCollector(pending::add) : pending::add;
        TrainingListener listener = new ComputeThreadPriority(events);
        Outcome outcome = Trainer.run(target, training, settings, listener, runStop);
        if (outcome == Outcome.DIVERGED) {
            return new RunResult(outcome, null);
        }
        return new RunResult(outcome, target.evaluate(datasets.test()));
    }

    /** Asks the run to end after the current batch; the weights stay usable. */
    public void stop() {
        stop.request();
    }

    /** Asks the run to wait after the current batch; the training thread sleeps until resumed. */
    public void pause() {
        if (!running.get() || paused.get()) {
            return;
        }
        stop.pause();
        paused.set(true);
        status.set(Message.of("train.status.paused"));
    }

    public void resume() {
        if (!paused.get()) {
            return;
        }
        stop.resume();
        paused.set(false);
        status.set(Message.of("train.status.continuing"));
    }

    /** Forgets the trained weights, so the next run starts from fresh ones drawn from the seed. */
    public void resetWeights() {
        if (running.get()) {
            return;
        }
        network.set(null);
        curves.clear();
        curves.notifyCharts();
        bestEpoch.set(0);
        result.set(null);
        status.set(Message.of("train.status.ready"));
    }

    /** Divides the learning rate by ten and trains again from fresh weights, after a divergence. */
    public void retryWithLowerRate() {
        if (running.get()) {
            return;
        }
        form.learningRateProperty().set(form.learningRateProperty().get() / RETRY_RATE_DIVISOR);
        resetWeights();
        start();
    }

    /** Replaces the weights with those of the best-validation epoch, on the background thread. */
    public void restoreBest() {
        if (running.get()) {
            return;
        }
        bestCheckpoint.restore(network.get(), background, status::set, error::set);
    }

    /** Shows a network loaded from a file, with its curves. */
    public void showLoaded(TrainableNetwork loaded) {
        network.set(loaded);
        int batchesPerEpoch = (int) Math.max(1, loaded.history().stepCount() / Math.max(1, loaded.history().epochCount()));
        curves.show(loaded.history(), batchesPerEpoch);
        bestEpoch.set(loaded.history().bestEpoch().map(EpochRecord::epoch).orElse(0));
        status.set(Message.of("train.status.loaded", loaded.spec().name(), loaded.history().epochCount()));
    }

    /** As {@link #showLoaded}, for a network that comes from elsewhere and so has no history to report. */
    public void showImported(TrainableNetwork imported, Message statusMessage) {
        showLoaded(imported);
        status.set(statusMessage);
    }

    private void drainEvents() {
        BatchEnd lastBatch = null;
        boolean epochEnded = false;
        for (TrainingEvent event = pending.poll(); event != null; event = pending.poll()) {
            if (event instanceof BatchEnd batch) {
                curves.addBatch(batch);
                lastBatch = batch;
            } else if (event instanceof EpochEnd epoch) {
                curves.addEpoch(epoch.record());
                runLog.addEpoch(epoch.record());
                epochEnded = true;
            }
        }
        if (epochEnded && network.get() != null) {
            bestEpoch.set(network.get().history().bestEpoch().map(EpochRecord::epoch).orElse(0));
            bestCheckpoint.refresh(network.get());
        }
        if (lastBatch != null && !paused.get()) {
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
        paused.set(false);
        progress.set(run.outcome() == Outcome.COMPLETED ? 1 : progress.get());
        status.set(Message.of("train.outcome." + run.outcome().name().toLowerCase(Locale.ROOT)));
        double testAccuracy = run.test() == null ? Double.NaN : run.test().accuracy();
        if (run.test() != null) {
            result.set(Message.of("train.testAccuracy", testAccuracy * 100));
        }
        runLog.endRun(build.spec().name(), runSettings, run.outcome(), testAccuracy);
        if (run.outcome() == Outcome.DIVERGED) {
            // Diverged weights predict garbage, so the next run starts from fresh ones.
            network.set(null);
            diverged.set(true);
            error.set(Message.of("train.diverged", runSettings.learningRate()));
        }
    }

    void fail(Throwable cause) {
        failure.set(cause);
        drainEvents();
        drain.stop();
        running.set(false);
        paused.set(false);
        progress.set(0);
        status.set(Message.of("train.status.failed"));
        if (cause instanceof EngineException engine) {
            LOG.warn("Training could not run: {}", engine.getMessage());
            error.set(engine.userMessage());
        } else {
            LOG.error("Training failed", cause);
            error.set(Message.of("error.unexpected", String.valueOf(cause)));
        }
    }

    /** The form's settings, one property per field. */
    public TrainSettingsModel form() {
        return form;
    }

    public IntegerProperty epochsProperty() {
        return form.epochsProperty();
    }

    public IntegerProperty batchSizeProperty() {
        return form.batchSizeProperty();
    }

    public ObjectProperty<Optimizer> optimizerProperty() {
        return form.optimizerProperty();
    }

    public DoubleProperty learningRateProperty() {
        return form.learningRateProperty();
    }

    public DoubleProperty validationSplitProperty() {
        return form.validationSplitProperty();
    }

    public IntegerProperty trainingLimitProperty() {
        return form.trainingLimitProperty();
    }

    public LongProperty seedProperty() {
        return form.seedProperty();
    }

    public ReadOnlyObjectProperty<TrainableNetwork> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Whether the last run diverged, which offers a retry with a lower learning rate. */
    public ReadOnlyBooleanProperty divergedProperty() {
        return diverged.getReadOnlyProperty();
    }

    /** Run progress in [0, 1], or -1 while the data loads. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The epoch with the lowest validation loss in the shown history, or 0 when there is none. */
    public ReadOnlyIntegerProperty bestEpochProperty() {
        return bestEpoch.getReadOnlyProperty();
    }

    /** The epoch that "Restore best epoch" would restore, or 0 when the network has no snapshot. */
    public ReadOnlyIntegerProperty checkpointEpochProperty() {
        return bestCheckpoint.epochProperty();
    }

    /** Whether the best epoch is being restored. */
    public ReadOnlyBooleanProperty restoringProperty() {
        return bestCheckpoint.restoringProperty();
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

    /** The exception of the last failed run, with its stack trace for the details dialog; null after a start. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Shows a message from an action outside training, such as an export, in the error line. */
    void reportError(Message message) {
        error.set(message);
    }

    /** Shows a message from an action outside training, such as an export, in the status line. */
    void reportStatus(Message message) {
        status.set(message);
    }

    public TrainingCurves curves() {
        return curves;
    }

    public RunLog runLog() {
        return runLog;
    }

    ExecutorService background() {
        return background;
    }
}
