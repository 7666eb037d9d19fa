package org.deepdesk.app.build;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Service;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.EpochTimeProbe;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an estimate of the time per training epoch of the current stack on this machine. After
 * the stack stops changing for a moment, a background task times a few real training steps, see
 * {@link EpochTimeProbe}.
 *
 * <p>Measurements run one at a time on their own thread, so quick edits queue and cancel instead
 * of competing for the CPU with each other.
 */
public final class EpochTimeEstimator {

    /** Images in the MNIST training set, before the training limit and the validation split. */
    static final int MNIST_TRAINING_IMAGES = 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(EpochTimeEstimator.class);
    private static final Duration QUIET_PERIOD = Duration.millis(800);

    private final BuildViewModel build;
    private final Supplier<TrainingSettings> settings;
    private final ReadOnlyObjectWrapper<Message> estimate = new ReadOnlyObjectWrapper<>(Message.of("build.epochTime.measuring"));
    private final PauseTransition quiet = new PauseTransition(QUIET_PERIOD);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "deepdesk-epoch-time");
        thread.setDaemon(true);
        return thread;
    });
    private final Service<EpochTimeProbe.Estimate> service = new Service<>() {
        @Override
        protected Task<EpochTimeProbe.Estimate> createTask() {
            NetworkSpec spec = build.spec();
            TrainingSettings current = settings.get();
            int classCount = build.classCount();
            return new Task<>() {
                @Override
                protected EpochTimeProbe.Estimate call() {
                    return EpochTimeProbe.measure(spec, current, classCount, MNIST_TRAINING_IMAGES);
                }
            };
        }
    };

    public EpochTimeEstimator(BuildViewModel build, Supplier<TrainingSettings> settings) {
        this.build = build;
        this.settings = settings;
        service.setExecutor(executor);
        service.setOnSucceeded(event -> show(service.getValue()));
        service.setOnFailed(event -> {
            LOG.warn("Could not time training steps of {}", build.spec().name(), service.getException());
            estimate.set(Message.of("build.epochTime.failed"));
        });
        quiet.setOnFinished(event -> measure());
        build.summaryProperty().addListener((observable, old, summary) -> schedule());
        schedule();
    }

    /** Measures again once the stack or the settings have been unchanged for a moment. */
    public void schedule() {
        service.cancel();
        estimate.set(Message.of("build.epochTime.measuring"));
        quiet.playFromStart();
    }

    /** The estimate as a message: measuring, the time per epoch, or why there is none. */
    public ReadOnlyObjectProperty<Message> estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    public void shutdown() {
        quiet.stop();
        service.cancel();
        executor.shutdownNow();
    }

    private void measure() {
        if (!build.validProperty().get()) {
            estimate.set(Message.of("build.epochTime.invalid"));
            return;
        }
        service.restart();
    }

    private void show(EpochTimeProbe.Estimate result) {
        long seconds = Math.max(1, Math.round(result.perEpoch().toMillis() / 1000.0));
        estimate.set(Message.of("build.epochTime.value", seconds / 60, seconds % 60,
                result.batchesPerEpoch(), result.perBatch().toMillis()));
    }
}
