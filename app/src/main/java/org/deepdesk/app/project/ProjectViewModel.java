package org.deepdesk.app.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.deepdesk.app.build.BuildViewModel;
import org.deepdesk.app.data.DataViewModel;
import org.deepdesk.app.draw.HandwritingViewModel;
import org.deepdesk.app.train.TrainViewModel;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.PersonalDigits;
import org.deepdesk.engine.project.LoadedProject;
import org.deepdesk.engine.project.ProjectFile;
import org.deepdesk.engine.project.ProjectStore;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open project: which file it came from, whether it has unsaved changes, and opening,
 * saving, the recent files, autosave and the recovery of unsaved work. A project is the Build
 * view's stack, the Train view's settings, once trained the network with its curves, and the
 * digits saved to My handwriting.
 *
 * <p>Files are read and written in background tasks; the workbench changes only on the FX
 * thread, and only once a file has been read completely, so a file that cannot be opened leaves
 * the open project as it was. Errors go to the {@linkplain #setErrorHandler error handler} and
 * other news, such as a recent file that is gone, to the {@linkplain #setNoticeHandler notice
 * handler}; the window shows them.
 *
 * <p>Autosave starts with {@link #startAutosave}, which the app calls and tests need not: every
 * {@link #AUTOSAVE_INTERVAL}, if there are unsaved changes not yet autosaved, the project is
 * written to this session's file in the {@link Recovery} folder. A clean save and a clean exit
 * remove it; what a crash leaves is offered at the next start ({@link #leftOverWork}).
 */
public final class ProjectViewModel {

    public static final Duration AUTOSAVE_INTERVAL = Duration.seconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(ProjectViewModel.class);

    /** How long a clean exit waits for an autosave in progress before removing the files. */
    private static final long EXIT_WAIT_SECONDS = 5;

    /**
     * The content of a save, compared to tell whether there are unsaved changes. The network is
     * compared by identity and its step count, since training changes it in place.
     */
    private record State(NetworkSpec spec, TrainingSettings settings, TrainableNetwork network, long steps,
                         OptionalInt restoredEpoch, PersonalDigits handwriting) {

        State withHandwriting(PersonalDigits digits) {
            return new State(spec, settings, network, steps, restoredEpoch, digits);
        }
    }

    private final BuildViewModel build;
    private final TrainViewModel train;
    private final DataViewModel data;
    private final HandwritingViewModel handwriting;
    private final ExecutorService background;
    private final RecentFiles recent;
    private final Recovery recovery;
    /** One thread, so autosaves and their removal happen in the order they were asked for. */
    private final ExecutorService recoveryWriter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "deepdesk-autosave");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<String> packNotes = new ReadOnlyObjectWrapper<>();
    private final Timeline autosaveTimer = new Timeline(new KeyFrame(AUTOSAVE_INTERVAL, event -> autosave()));
    private Consumer<Throwable> errorHandler = failure -> LOG.warn("Project file action failed", failure);
    private Consumer<Message> noticeHandler = message -> LOG.info("{}", message.english());
    /** The state last opened or saved; null after a restore, which is unsaved by definition. */
    private State saved;
    /** The state last autosaved, or null when the recovery file is missing or out of date. */
    private State autosaved;
    /** Set on the recovery thread, read on the FX thread. */
    private volatile Recovery.Session session;

    public ProjectViewModel(BuildViewModel build, TrainViewModel train, DataViewModel data, HandwritingViewModel handwriting,
                            ExecutorService background, RecentFiles recent, Recovery recovery) {
        this.build = build;
        this.train = train;
        this.data = data;
        this.handwriting = handwriting;
        this.background = background;
        this.recent = recent;
        this.recovery = recovery;
        autosaveTimer.setCycleCount(Animation.INDEFINITE);

        build.specProperty().addListener((observable, old, spec) -> refresh());
        train.networkProperty().addListener((observable, old, network) -> refresh());
        train.runningProperty().addListener((observable, was, running) -> refresh());
        train.form().fields().forEach(field -> field.addListener((observable, old, value) -> refresh()));
        // Restoring the best epoch changes the weights in place.
        watch(train.restoringProperty());
        watch(handwriting.digitsProperty());
        handwriting.loadedProperty().addListener((observable, was, loaded) -> {
            if (loaded) {
                takeFolderDigitsAsSaved();
            }
        });
        markClean();
    }

    /**
     * Checks for unsaved changes whenever {@code signal} changes, for actions outside the Build
     * and Train views that change the network in place, such as fine-tuning on handwriting.
     */
    public void watch(ObservableValue<?> signal) {
        signal.addListener((observable, old, value) -> refresh());
    }

    /** The file the project was opened from or saved to; null for a project never saved. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /**
     * Whether the project differs from its file: edited, trained, training, with restored weights,
     * or with digits added to or removed from My handwriting since the last open or save.
     */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Whether a project file is being opened or saved. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * The notes of the classroom pack opened last; set anew with each pack, so the window shows
     * them once per open, and empty notes when the pack has none.
     */
    public ReadOnlyObjectProperty<String> packNotesProperty() {
        return packNotes.getReadOnlyProperty();
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    public void setErrorHandler(Consumer<Throwable> handler) {
        this.errorHandler = handler;
    }

    public void setNoticeHandler(Consumer<Message> handler) {
        this.noticeHandler = handler;
    }

    /** The project's name: its file's name without the extension, or "Untitled". */
    public String displayName(Messages messages) {
        Path current = file.get();
        if (current == null) {
            return messages.get("project.untitled");
        }
        String name = current.getFileName().toString();
        return name.endsWith(ProjectStore.EXTENSION) ? name.substring(0, name.length() - ProjectStore.EXTENSION.length()) : name;
    }

    /** The window title: the project's name, marked with {@code *} while there are unsaved changes, and the app's. */
    public String windowTitle(Messages messages) {
        return (dirty.get() ? "*" : "") + displayName(messages) + " – " + messages.get("app.title");
    }

    /** Whether another project may replace this one now: not while a run trains the network. */
    public boolean canReplace() {
        return !train.runningProperty().get() && !busy.get();
    }

    /** Returns what a save would write now. */
    public ProjectFile snapshot() {
        return ProjectFile.of(build.spec(), train.settings(), train.networkProperty().get())
                .withHandwriting(handwriting.digitsProperty().get());
    }

    /** Starts a new, untitled project, as the app starts: the default preset, untrained, with the current handwriting. */
    public void newProject() {
        if (!canReplace()) {
            return;
        }
        build.newProject();
        train.resetWeights();
        file.set(null);
        markClean();
        clearRecovery();
    }

    /**
     * Opens a project file in the background; the workbench shows it once it is read. A file
     * that cannot be read goes to the error handler and changes nothing. A file whose handwriting
     * is damaged opens without it, and the warning goes to the notice handler.
     *
     * @return the task, already submitted; null when a run is training and the project cannot be replaced
     */
    public Task<LoadedProject> open(Path source) {
        return open(source, false);
    }

    /**
     * Opens a file of the recent list like {@link #open}, or, when it is gone, takes it off the
     * list and tells the notice handler.
     */
    public Task<LoadedProject> openRecent(Path recentFile) {
        return open(recentFile, true);
    }

    private Task<LoadedProject> open(Path source, boolean recentFile) {
        if (!canReplace()) {
            return null;
        }
        Path absolute = source.toAbsolutePath().normalize();
        Task<LoadedProject> task = new Task<>() {
            @Override
            protected LoadedProject call() {
                if (recentFile && !Files.exists(absolute)) {
                    throw new RecentFileGone();
                }
                return ProjectStore.open(absolute);
            }
        };
        task.setOnSucceeded(event -> {
            busy.set(false);
            ProjectFile opened = task.getValue().project();
            apply(opened);
            file.set(absolute);
            recent.add(absolute);
            markClean();
            clearRecovery();
            if (opened.isPack()) {
                showPack(opened, absolute);
            }
            task.getValue().warnings().forEach(noticeHandler);
        });
        task.setOnFailed(event -> {
            busy.set(false);
            if (task.getException() instanceof RecentFileGone) {
                recent.remove(absolute);
                noticeHandler.accept(Message.of("project.recentMissing", absolute));
            } else {
                errorHandler.accept(task.getException());
            }
        });
        busy.set(true);
        background.submit(task);
        return task;
    }

    /** Makes a pack's images the current dataset and hands its notes to the window. */
    private void showPack(ProjectFile pack, Path source) {
        ImageDataset images = pack.dataset().orElseThrow();
        data.usePack(source.getFileName().toString(), images);
        noticeHandler.accept(Message.of("pack.notes.opened", source.getFileName().toString(), images.size()));
        // Cleared first, so opening the same notes again still fires a change.
        packNotes.set(null);
        packNotes.set(pack.notes().orElse(""));
    }

    /**
     * Exports the project as a classroom pack in the background: the stack, the settings, the
     * trained network if any, {@code notes} and {@code imageCount} training images of the
     * current dataset with the classes as even as possible. The open project keeps its own file and unsaved state.
     *
     * @param afterExport runs on the FX thread once the pack is written, with the number of images it holds
     * @return the task, already submitted
     */
    public Task<Integer> exportPack(Path target, String notes, int imageCount, Consumer<Integer> afterExport) {
        Path absolute = withExtension(target).toAbsolutePath().normalize();
        ProjectFile project = snapshot();
        Task<Integer> task = new Task<>() {
            @Override
            protected Integer call() {
                ImageDataset images = data.trainingImages().balancedSample(imageCount);
                ProjectStore.save(project.asPack(notes, images), absolute);
                return images.size();
            }
        };
        task.setOnSucceeded(event -> {
            busy.set(false);
            afterExport.accept(task.getValue());
        });
        task.setOnFailed(event -> {
            busy.set(false);
            errorHandler.accept(task.getException());
        });
        busy.set(true);
        background.submit(task);
        return task;
    }

    /** A file of the recent list that is no longer there: no error, a reason to update the list. */
    private static final class RecentFileGone extends RuntimeException {
        RecentFileGone() {
            super(null, null, false, false);
        }
    }

    /**
     * Saves the project in the background, adding {@link ProjectStore#EXTENSION} to a name without
     * it. Once saved, the file is the project's file, heads the recent list, and the autosaved
     * copy is removed. A failed save leaves any previous file as it was.
     *
     * @param afterSave runs on the FX thread after a successful save, such as closing the window
     * @return the task, already submitted
     */
    public Task<Void> save(Path target, Runnable afterSave) {
        Path absolute = withExtension(target).toAbsolutePath().normalize();
        ProjectFile project = snapshot();
        State state = current();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                ProjectStore.save(project, absolute);
                return null;
            }
        };
        task.setOnSucceeded(event -> {
            busy.set(false);
            file.set(absolute);
            recent.add(absolute);
            saved = state;
            refresh();
            if (!dirty.get()) {
                clearRecovery();
            }
            afterSave.run();
        });
        task.setOnFailed(event -> {
            busy.set(false);
            errorHandler.accept(task.getException());
        });
        busy.set(true);
        background.submit(task);
        return task;
    }

    /** Returns the path with {@link ProjectStore#EXTENSION} added when its name lacks it. */
    public static Path withExtension(Path target) {
        String name = target.getFileName().toString();
        return name.endsWith(ProjectStore.EXTENSION) ? target : target.resolveSibling(name + ProjectStore.EXTENSION);
    }

    /** Takes the current state as saved, for changes the app makes by itself at start, such as the training subset. */
    public void markClean() {
        saved = current();
        autosaved = saved;
        refresh();
    }

    /**
     * Starts this session's recovery file, in the background, and the autosave timer. Without a
     * recovery folder the app goes on without autosave.
     *
     * @return completes once the session's lock file is in place, or autosave is known to be off
     */
    public CompletableFuture<Void> startAutosave() {
        if (autosaveTimer.getStatus() == Animation.Status.RUNNING) {
            return CompletableFuture.completedFuture(null);
        }
        autosaveTimer.play();
        return CompletableFuture.runAsync(() -> {
            try {
                session = recovery.startSession();
            } catch (IOException failed) {
                LOG.warn("Autosave is off: could not use the recovery folder {}", recovery.folder(), failed);
            }
        }, recoveryWriter);
    }

    /**
     * Writes the project to the recovery file if it has changes that are neither saved nor
     * autosaved; the timer calls this every {@link #AUTOSAVE_INTERVAL}.
     *
     * @return completes once the file is written, or at once when there was nothing to write
     */
    public CompletableFuture<Void> autosave() {
        refresh();
        State state = current();
        if (autosaveTimer.getStatus() != Animation.Status.RUNNING || !dirty.get() || state.equals(autosaved)) {
            return CompletableFuture.completedFuture(null);
        }
        ProjectFile project = snapshot();
        Path source = file.get();
        autosaved = state;
        // The session is read on the recovery thread, which started it before it gets here.
        return CompletableFuture.runAsync(() -> {
            Recovery.Session target = session;
            if (target != null) {
                target.write(project, source);
            }
        }, recoveryWriter).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.warn("Autosave failed; it is tried again in {} s", (long) AUTOSAVE_INTERVAL.toSeconds(), failure);
                Platform.runLater(() -> autosaved = null);
            }
        });
    }

    /** The file this session autosaves to, or null before {@link #startAutosave}. */
    public Path autosaveFile() {
        Recovery.Session current = session;
        return current == null ? null : current.file();
    }

    /**
     * Returns the unsaved work that DeepDesk sessions which did not exit cleanly left, newest
     * first. It reads the recovery folder, so the window calls it from a background task.
     */
    public List<Recovery.Entry> leftOverWork() {
        return recovery.leftOver();
    }

    /**
     * Restores left-over work in the background. The project then belongs to the file the work
     * came from, if it had one, and counts as unsaved; once this session has autosaved it, the
     * left-over files are removed. Work that cannot be read stays, to be offered again.
     *
     * @return the task, already submitted; null when a run is training and the project cannot be replaced
     */
    public Task<LoadedProject> restore(Recovery.Entry entry) {
        if (!canReplace()) {
            return null;
        }
        Task<LoadedProject> task = new Task<>() {
            @Override
            protected LoadedProject call() {
                return ProjectStore.open(entry.file());
            }
        };
        task.setOnSucceeded(event -> {
            busy.set(false);
            apply(task.getValue().project());
            file.set(entry.source().orElse(null));
            saved = null;
            autosaved = null;
            refresh();
            noticeHandler.accept(Message.of("project.recovery.restored", workName(entry)));
            task.getValue().warnings().forEach(noticeHandler);
            autosave().whenComplete((done, failure) -> {
                if (failure == null) {
                    recovery.discard(entry);
                }
            });
        });
        task.setOnFailed(event -> {
            busy.set(false);
            errorHandler.accept(task.getException());
        });
        busy.set(true);
        background.submit(task);
        return task;
    }

    /** The name of left-over work for a message: its project file's name, or "Untitled" as a nested message. */
    public static Object workName(Recovery.Entry entry) {
        return entry.source().<Object>map(source -> source.getFileName().toString()).orElse(Message.of("project.untitled"));
    }

    /** Deletes left-over work the user does not want back. */
    public void discard(Recovery.Entry entry) {
        CompletableFuture.runAsync(() -> recovery.discard(entry), recoveryWriter);
    }

    /** Stops autosave and removes this session's recovery files: the clean exit. Later calls do nothing. */
    public void shutdown() {
        autosaveTimer.stop();
        if (recoveryWriter.isShutdown()) {
            return;
        }
        recoveryWriter.execute(() -> {
            Recovery.Session ending = session;
            session = null;
            if (ending != null) {
                ending.close();
            }
        });
        recoveryWriter.shutdown();
        try {
            if (!recoveryWriter.awaitTermination(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The recovery files were not removed within {} s", EXIT_WAIT_SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Shows a project in the views: the stack, the form's settings, if trained the network and its
     * curves, and its handwriting if it carries any.
     */
    private void apply(ProjectFile project) {
        build.openProject(new NetworkDocument(project.network(), project.settings()));
        // Set again: a preset listener (the default training subset) may have changed the form.
        train.form().set(project.settings());
        project.trained().ifPresentOrElse(train::showLoaded, train::resetWeights);
        // A file without handwriting, such as one saved before projects stored it, keeps the digits
        // already drawn instead of clearing them, so opening an older project never hides a user's drawings.
        if (!project.handwriting().isEmpty()) {
            handwriting.replaceDigits(project.handwriting());
        }
    }

    /**
     * Counts the digits read from the per-user folder at start as saved, because they are on disk
     * already. Other unsaved changes stay unsaved.
     */
    private void takeFolderDigitsAsSaved() {
        PersonalDigits read = handwriting.digitsProperty().get();
        if (saved != null) {
            boolean autosavedWasSaved = saved.equals(autosaved);
            saved = saved.withHandwriting(read);
            if (autosavedWasSaved) {
                autosaved = saved;
            }
        }
        refresh();
    }

    /** Removes the autosaved copy, which the saved or opened file makes needless. */
    private void clearRecovery() {
        autosaved = saved;
        if (!recoveryWriter.isShutdown()) {
            recoveryWriter.execute(() -> {
                Recovery.Session current = session;
                if (current != null) {
                    current.clear();
                }
            });
        }
    }

    private State current() {
        TrainableNetwork network = train.networkProperty().get();
        PersonalDigits digits = handwriting.digitsProperty().get();
        return network == null
                ? new State(build.spec(), train.settings(), null, 0, OptionalInt.empty(), digits)
                : new State(build.spec(), train.settings(), network, network.stepCount(), network.restoredEpoch(), digits);
    }

    private void refresh() {
        dirty.set(train.runningProperty().get() || !current().equals(saved));
    }
}
