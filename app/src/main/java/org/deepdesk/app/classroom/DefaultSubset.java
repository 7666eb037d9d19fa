package org.deepdesk.app.classroom;

import java.time.Duration;
import java.util.prefs.Preferences;
import javafx.concurrent.Task;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.deepdesk.app.Workbench;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.EpochTimeProbe;
import org.deepdesk.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the default training subset once per user: on first start a background task times a
 * few training steps of the reference CNN, the chosen limit is stored in the preferences, and a
 * notification shows the choice once. Later starts only apply the stored limit.
 *
 * <p>The limit is applied again whenever a preset that trains on the full set is chosen, because
 * choosing a preset resets the training settings. A value typed into "Training images" stays
 * until the next preset change.
 */
public final class DefaultSubset {

    static final String LIMIT_KEY = "trainingSubset";
    private static final int NOT_MEASURED = -1;
    private static final String REFERENCE_CNN = "reference-cnn";
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSubset.class);

    private final Workbench workbench;
    private final Preferences preferences;

    public DefaultSubset(Workbench workbench, Preferences preferences) {
        this.workbench = workbench;
        this.preferences = preferences;
    }

    /** Returns the default subset stored for this user, in the preferences node of this package. */
    public static DefaultSubset forUser(Workbench workbench) {
        return new DefaultSubset(workbench, Preferences.userNodeForPackage(DefaultSubset.class));
    }

    /** Applies the stored limit, or measures this machine first when there is none; {@code owner} shows the notice. */
    public void start(Window owner) {
        workbench.build().presetSettingsProperty().addListener((observable, old, settings) -> {
            if (settings != null && settings.trainingLimit() == 0) {
                applyStored();
            }
        });
        if (preferences.getInt(LIMIT_KEY, NOT_MEASURED) != NOT_MEASURED) {
            applyStored();
            return;
        }
        Task<Double> measurement = new Task<>() {
            @Override
            protected Double call() {
                return measureImagesPerSecond();
            }
        };
        measurement.setOnSucceeded(event -> choose(measurement.getValue(), owner));
        measurement.setOnFailed(event -> LOG.warn("Could not time the reference CNN; keeping the full training set",
                measurement.getException()));
        workbench.background().submit(measurement);
    }

    private static double measureImagesPerSecond() {
        NetworkDocument reference = Presets.load(REFERENCE_CNN);
        TrainingSettings settings = reference.training();
        EpochTimeProbe.Estimate estimate = EpochTimeProbe.measure(reference.network(), settings, 10, SubsetChoice.FULL_SET);
        Duration perBatch = estimate.perBatch();
        return settings.batchSize() / Math.max(1e-6, perBatch.toNanos() / 1e9);
    }

    private void choose(double imagesPerSecond, Window owner) {
        double validationSplit = workbench.train().validationSplitProperty().get();
        int limit = SubsetChoice.trainingLimit(imagesPerSecond, validationSplit);
        LOG.info("Reference CNN trains about {} images/s here; default training limit {} (0 is the full set)",
                Math.round(imagesPerSecond), limit);
        preferences.putInt(LIMIT_KEY, limit);
        applyStored();

        Messages messages = workbench.messages();
        String text = limit == 0
                ? messages.get("subset.full")
                : messages.format("subset.chosen", Math.round(imagesPerSecond), limit);
        Notifications.create().owner(owner).title(messages.get("subset.title")).text(text)
                .hideAfter(javafx.util.Duration.seconds(15)).showInformation();
    }

    private void applyStored() {
        int limit = preferences.getInt(LIMIT_KEY, NOT_MEASURED);
        if (limit > 0 && !workbench.train().runningProperty().get()) {
            workbench.train().trainingLimitProperty().set(limit);
        }
    }
}
