package org.deepdesk.app.train;

import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.train.EpochRecord;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The best-validation snapshot of the shown network, and restoring it on a background thread.
 * All methods run on the FX thread.
 */
final class BestCheckpoint {

    private static final Logger LOG = LoggerFactory.getLogger(BestCheckpoint.class);

    private final ReadOnlyIntegerWrapper epoch = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper restoring = new ReadOnlyBooleanWrapper();

    /** Reads which epoch the network's best snapshot belongs to; 0 when it has none. */
    void refresh(TrainableNetwork network) {
        epoch.set(network == null ? 0 : network.bestCheckpoint().map(EpochRecord::epoch).orElse(0));
    }

    /**
     * Restores the best snapshot in a {@link Task}, then reports the restored epoch or the failure.
     * The engine rejects the restore while a run is in progress.
     */
    void restore(TrainableNetwork network, ExecutorService background, Consumer<Message> status, Consumer<Message> error) {
        if (network == null || restoring.get() || epoch.get() == 0) {
            return;
        }
        Task<EpochRecord> task = new Task<>() {
            @Override
            protected EpochRecord call() {
                return network.restoreBest();
            }
        };
        task.setOnSucceeded(event -> {
            restoring.set(false);
            EpochRecord restored = task.getValue();
            status.accept(Message.of("train.status.restored", restored.epoch(), restored.validationLoss()));
        });
        task.setOnFailed(event -> {
            restoring.set(false);
            Throwable failure = task.getException();
            if (failure instanceof EngineException engine) {
                LOG.warn("Could not restore the best epoch: {}", engine.getMessage());
                error.accept(engine.userMessage());
            } else {
                LOG.error("Restoring the best epoch failed", failure);
                error.accept(Message.of("error.unexpected", String.valueOf(failure)));
            }
        });

        restoring.set(true);
        error.accept(null);
        background.submit(task);
    }

    /** The epoch of the best-validation snapshot, or 0 when there is none. */
    ReadOnlyIntegerProperty epochProperty() {
        return epoch.getReadOnlyProperty();
    }

    /** Whether a restore is running. */
    ReadOnlyBooleanProperty restoringProperty() {
        return restoring.getReadOnlyProperty();
    }
}
