package org.deepdesk.app.draw;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.PersonalDigits;
import org.deepdesk.engine.data.PersonalDigitsFiles;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.StopSignal;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.engine.train.TrainingEvent.Outcome;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's saved digits and fine-tuning on them. Loading, saving and training run as
 * {@link Task}s on the background executor; everything else runs on the FX thread. Saves are
 * coalesced: while one is written, later snapshots replace each other and only the newest follows.
 */
public final class HandwritingViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HandwritingViewModel.class);

    private final ReadOnlyObjectProperty<TrainableNetwork> network;
    private final Supplier<TrainingSettings> settings;
    private final Supplier<ImageDataset> mnist;
    private final Path folder;
    private final ExecutorService background;

    private final ReadOnlyObjectWrapper<PersonalDigits> digits = new ReadOnlyObjectWrapper<>(PersonalDigits.empty());
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper fineTuning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FineTuning.Result> lastResult = new ReadOnlyObjectWrapper<>();
    private final AtomicReference<PersonalDigits> unsaved = new AtomicReference<>();
    /** Digits that a project's digits replaced, which the next save keeps in a backup folder first. */
    private final AtomicReference<PersonalDigits> replaced = new AtomicReference<>();
    private final BooleanBinding canFineTune;
    /** Set when a project's digits replaced the set before the folder was read, so the folder's set is not merged in. */
    private boolean replacedBeforeLoad;

    /**
     * @param network the trained network, replaced when the user trains or loads another
     * @param trainingRunning whether a training run is using the network
     * @param settings the training settings whose optimizer, rate and batch size fine-tuning reuses
     * @param mnist the 28x28 ten-class images to mix in; called on a background thread
     * @param folder where the digits are stored
     */
    public HandwritingViewModel(ReadOnlyObjectProperty<TrainableNetwork> network, ReadOnlyBooleanProperty trainingRunning,
                                Supplier<TrainingSettings> settings, Supplier<ImageDataset> mnist, Path folder,
                                ExecutorService background) {
        this.network = network;
        this.settings = settings;
        this.mnist = mnist;
        this.folder = folder;
        this.background = background;
        this.canFineTune = Bindings.createBooleanBinding(
                () -> network.get() != null && takesDigits(network.get()) && !trainingRunning.get() && !fineTuning.get(),
                network, trainingRunning, fineTuning);
    }

    /** Reads the saved digits in the background; saving is possible once they are read. */
    public void load() {
        Task<PersonalDigits> task = new Task<>() {
            @Override
            protected PersonalDigits call() {
                return PersonalDigitsFiles.load(folder);
            }
        };
        task.setOnSucceeded(event -> {
            if (replacedBeforeLoad) {
                // A project opened meanwhile brought its own digits, which replace the folder's as they would after loading.
                keepReplaced(task.getValue(), digits.get());
                loaded.set(true);
                queueSave(digits.get());
                return;
            }
            // Digits saved while the files were read come after the loaded ones.
            PersonalDigits merged = task.getValue();
            PersonalDigits early = digits.get();
            for (int i = 0; i < early.size(); i++) {
                merged = merged.withDigit(early.image(i), early.label(i));
            }
            digits.set(merged);
            loaded.set(true);
            if (!early.isEmpty()) {
                queueSave(merged);
            }
        });
        // A damaged pair stays on disk untouched, so nothing is saved over it until the user moves it away.
        task.setOnFailed(event -> report("Failed to load the personal digits from " + folder, task.getException()));
        background.submit(task);
    }

    /**
     * Adds a digit and saves the set in the background.
     *
     * @param pixels the 28x28 network input of the drawing, values in [0, 1]
     * @param label the digit it shows, 0 to 9
     */
    public void save(float[] pixels, int label) {
        PersonalDigits updated = digits.get().withDigit(pixels, label);
        digits.set(updated);
        status.set(Message.of("handwriting.saved", label));
        // Before the files are read, load() merges this digit in and saves; after a failed load the error stays shown.
        if (loaded.get()) {
            error.set(null);
            queueSave(updated);
        }
    }

    /**
     * Replaces the digits with those of an opened project and stores them in the folder, so the
     * Draw view, fine-tuning and the next start use the project's digits.
     *
     * <p>The earlier digits are first saved into a {@code replaced-<time>} subfolder, because they
     * may have been drawn outside any project and exist nowhere else.
     */
    public void replaceDigits(PersonalDigits replacement) {
        PersonalDigits previous = digits.get();
        digits.set(replacement);
        status.set(null);
        lastResult.set(null);
        if (loaded.get()) {
            keepReplaced(previous, replacement);
            error.set(null);
            queueSave(replacement);
        } else {
            replacedBeforeLoad = true;
        }
    }

    /** Marks digits for a backup before the next save, unless there is nothing the replacement would lose. */
    private void keepReplaced(PersonalDigits previous, PersonalDigits replacement) {
        if (!previous.isEmpty() && !previous.equals(replacement)) {
            replaced.set(previous);
        }
    }

    private void queueSave(PersonalDigits snapshot) {
        unsaved.set(snapshot);
        if (!saving.get()) {
            saving.set(true);
            background.submit(saveTask());
        }
    }

    private Task<Void> saveTask() {
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                PersonalDigits snapshot = unsaved.getAndSet(null);
                if (snapshot != null) {
                    PersonalDigits backup = replaced.getAndSet(null);
                    if (backup != null) {
                        PersonalDigitsFiles.backup(backup, folder);
                    }
                    PersonalDigitsFiles.save(snapshot, folder);
                }
                return null;
            }
        };
        task.setOnSucceeded(event -> saveNextOrStop());
        task.setOnFailed(event -> {
            report("Failed to save the personal digits to " + folder, task.getException());
            saveNextOrStop();
        });
        return task;
    }

    private void saveNextOrStop() {
        if (unsaved.get() != null) {
            background.submit(saveTask());
        } else {
            saving.set(false);
        }
    }

    /** Trains the current network for one epoch on the saved digits mixed with MNIST. */
    public void fineTune() {
        if (!canFineTune.get()) {
            return;
        }
        PersonalDigits snapshot = digits.get();
        if (snapshot.isEmpty()) {
            status.set(Message.of("handwriting.needDigits"));
            return;
        }
        TrainableNetwork target = network.get();
        TrainingSettings current = settings.get();
        Task<FineTuning.Result> task = new Task<>() {
            @Override
            protected FineTuning.Result call() {
                return FineTuning.run(target, snapshot, mnist.get(), current, new StopSignal());
            }
        };
        task.setOnSucceeded(event -> finish(task.getValue(), target));
        task.setOnFailed(event -> {
            fineTuning.set(false);
            report("Fine-tuning failed", task.getException());
        });

        fineTuning.set(true);
        error.set(null);
        lastResult.set(null);
        status.set(Message.of("handwriting.fineTuning", FineTuning.MNIST_COUNT));
        background.submit(task);
    }

    private void finish(FineTuning.Result result, TrainableNetwork target) {
        fineTuning.set(false);
        if (network.get() != target) {
            status.set(Message.of("handwriting.discarded"));
            return;
        }
        if (result.outcome() == Outcome.DIVERGED) {
            LOG.warn("Fine-tuning on {} personal digits diverged", result.total());
        }
        lastResult.set(result);
        status.set(Message.of("handwriting.result", result.before(), result.after(), result.total()));
        LOG.info("Fine-tuned on {} personal digits: {} -> {} correct", result.total(), result.before(), result.after());
    }

    private void report(String logText, Throwable failure) {
        if (failure instanceof EngineException engine) {
            LOG.warn("{}: {}", logText, engine.getMessage());
            error.set(engine.userMessage());
        } else {
            LOG.error(logText, failure);
            error.set(Message.of("handwriting.failed", String.valueOf(failure)));
        }
    }

    private static boolean takesDigits(TrainableNetwork candidate) {
        return candidate.spec().input().equals(ImageShape.MNIST) && candidate.classCount() == PersonalDigits.CLASS_COUNT;
    }

    public ReadOnlyObjectProperty<PersonalDigits> digitsProperty() {
        return digits.getReadOnlyProperty();
    }

    /** Whether the saved digits were read, which saving waits for so it never overwrites them. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Whether a save is being written. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fineTuningProperty() {
        return fineTuning.getReadOnlyProperty();
    }

    /** Whether a digit-reading network is trained and no run uses it. */
    public BooleanBinding canFineTuneProperty() {
        return canFineTune;
    }

    /** What happened last, or null. */
    public ReadOnlyObjectProperty<Message> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why loading, saving or fine-tuning failed, or null. */
    public ReadOnlyObjectProperty<Message> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The counts of the last fine-tuning, or null before the first. */
    public ReadOnlyObjectProperty<FineTuning.Result> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }
}
