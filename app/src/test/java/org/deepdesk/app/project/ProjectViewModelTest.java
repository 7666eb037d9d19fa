package org.deepdesk.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.app.build.LayerKind;
import org.deepdesk.app.draw.HandwritingFolder;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.data.PersonalDigits;
import org.deepdesk.engine.data.PersonalDigitsFiles;
import org.deepdesk.engine.project.ProjectFile;
import org.deepdesk.engine.project.ProjectStore;
import org.deepdesk.engine.spec.LearningRateSchedule;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.StopSignal;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.engine.train.Trainer;
import org.deepdesk.engine.train.TrainingListener;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The project view model on a real workbench: save and open, unsaved changes, the recent files,
 * autosave and the recovery of unsaved work. No window is shown; the FX toolkit runs the tasks'
 * handlers, as in the app.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectViewModelTest {

    private static final Messages ENGLISH = Messages.forLocale(Locale.ENGLISH);

    @TempDir
    Path folder;

    private Workbench workbench;
    private Preferences preferences;
    private Path recoveryFolder;
    private Path handwritingFolder;
    private ProjectViewModel project;
    private final List<Throwable> errors = new ArrayList<>();
    private final List<Message> notices = new ArrayList<>();

    @Start
    void start(Stage stage) throws IOException {
        preferences = Preferences.userRoot().node("org/deepdesk/test/" + UUID.randomUUID());
        recoveryFolder = Files.createDirectories(folder.resolve("recovery"));
        // Each test saves digits to its own folder, never to the one other tests read.
        handwritingFolder = folder.resolve("handwriting");
        System.setProperty(HandwritingFolder.PROPERTY, handwritingFolder.toString());
        // The workbench's view models start animations, so they need the FX toolkit.
        workbench = new Workbench(Locale.ENGLISH, new RecentFiles(preferences), new Recovery(recoveryFolder));
        project = workbench.project();
        project.setErrorHandler(errors::add);
        project.setNoticeHandler(notices::add);
    }

    @AfterEach
    void remove(FxRobot robot) throws BackingStoreException {
        robot.interact(() -> workbench.shutdown());
        preferences.removeNode();
        System.clearProperty(HandwritingFolder.PROPERTY);
    }

    @Test
    void startsCleanAndUntitled() {
        assertThat(project.dirtyProperty().get()).isFalse();
        assertThat(project.fileProperty().get()).isNull();
        assertThat(project.windowTitle(ENGLISH)).isEqualTo("Untitled – DeepDesk – deep learning workbench");
    }

    @Test
    void editsMarkUnsavedChangesAndUndoClearsThem(FxRobot robot) {
        robot.interact(() -> workbench.build().add(LayerKind.DROPOUT));

        assertThat(project.dirtyProperty().get()).isTrue();
        assertThat(project.windowTitle(ENGLISH)).startsWith("*Untitled");

        robot.interact(() -> workbench.build().undo());
        assertThat(project.dirtyProperty().get()).isFalse();

        robot.interact(() -> workbench.train().form().learningRateProperty().set(0.01));
        assertThat(project.dirtyProperty().get()).isTrue();
    }

    @Test
    void saveThenOpenRestoresStackAndSettings(FxRobot robot) {
        robot.interact(() -> {
            workbench.build().selectedPresetProperty().set("mlp");
            workbench.build().add(LayerKind.DROPOUT);
            setUnusualSettings();
        });
        NetworkSpec savedSpec = workbench.build().spec();
        TrainingSettings savedSettings = workbench.train().settings();
        Path target = folder.resolve("lesson 3");

        awaitSuccess(robot, () -> project.save(target, () -> { }));

        Path file = folder.resolve("lesson 3.deepdesk");
        assertThat(file).isRegularFile();
        assertThat(project.fileProperty().get()).isEqualTo(file);
        assertThat(project.dirtyProperty().get()).isFalse();
        assertThat(project.windowTitle(ENGLISH)).isEqualTo("lesson 3 – DeepDesk – deep learning workbench");

        robot.interact(() -> project.newProject());
        assertThat(workbench.build().spec()).isEqualTo(Presets.load(Presets.DEFAULT_ID).network());
        assertThat(project.fileProperty().get()).isNull();

        awaitSuccess(robot, () -> project.open(file));

        assertThat(workbench.build().spec()).isEqualTo(savedSpec);
        assertThat(workbench.train().settings()).isEqualTo(savedSettings);
        assertThat(workbench.train().networkProperty().get()).isNull();
        assertThat(project.fileProperty().get()).isEqualTo(file);
        assertThat(project.dirtyProperty().get()).isFalse();
        // A project opens as a fresh start: nothing to undo, no preset chosen.
        assertThat(workbench.build().canUndoProperty().get()).isFalse();
        assertThat(workbench.build().selectedPresetProperty().get()).isNull();
        assertThat(errors).isEmpty();
    }

    @Test
    void openRestoresTrainedNetworkAndCurves(FxRobot robot) {
        ImageDataset images = MnistLoader.load(Path.of("../sample-data/mnist"), MnistSplit.TEST).head(600);
        NetworkSpec softmax = Presets.load("softmax-regression").network();
        TrainingSettings settings = new TrainingSettings(1, 50, Optimizer.SGD, 0.1, 0.0, 42, 0.2, 0);
        TrainableNetwork trained = TrainableNetwork.create(softmax, settings, 10);
        Trainer.run(trained, images, settings, TrainingListener.NONE, new StopSignal());
        Path file = folder.resolve("trained.deepdesk");
        ProjectStore.save(ProjectFile.of(softmax, settings.withEpochs(4), trained), file);

        awaitSuccess(robot, () -> project.open(file));

        TrainableNetwork shown = workbench.train().networkProperty().get();
        assertThat(shown).isNotNull();
        assertThat(shown.history()).isEqualTo(trained.history());
        assertThat(workbench.train().curves().batchPointCount()).isPositive();
        assertThat(workbench.train().settings().epochs()).isEqualTo(4);
        assertThat(workbench.build().spec()).isEqualTo(softmax);
        assertThat(project.dirtyProperty().get()).isFalse();

        // Saved again, the trained network goes with it.
        Path again = folder.resolve("again.deepdesk");
        awaitSuccess(robot, () -> project.save(again, () -> { }));
        assertThat(ProjectStore.load(again).trained().orElseThrow().history()).isEqualTo(trained.history());
    }

    @Test
    void restoringBestEpochIsUnsavedChange(FxRobot robot) {
        ImageDataset images = MnistLoader.load(Path.of("../sample-data/mnist"), MnistSplit.TEST).head(600);
        NetworkSpec softmax = Presets.load("softmax-regression").network();
        TrainingSettings settings = new TrainingSettings(2, 50, Optimizer.SGD, 0.1, 0.0, 42, 0.2, 0);
        TrainableNetwork trained = TrainableNetwork.create(softmax, settings, 10);
        Trainer.run(trained, images, settings, TrainingListener.NONE, new StopSignal());
        robot.interact(() -> {
            workbench.build().selectedPresetProperty().set("softmax-regression");
            workbench.train().showLoaded(trained);
            project.markClean();
        });

        robot.interact(() -> workbench.train().restoreBest());
        waitUntil(() -> trained.restoredEpoch().isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(project.dirtyProperty().get()).isTrue();
    }

    @Test
    void damagedFileChangesNothing(FxRobot robot) throws IOException {
        robot.interact(() -> workbench.build().add(LayerKind.DROPOUT));
        NetworkSpec before = workbench.build().spec();
        Path damaged = Files.writeString(folder.resolve("damaged.deepdesk"), "not a zip");

        awaitFailure(robot, () -> project.open(damaged));

        assertThat(errors).singleElement().isInstanceOfSatisfying(EngineException.class,
                failure -> assertThat(failure.userMessage().key()).isEqualTo("error.project.corrupt"));
        assertThat(workbench.build().spec()).isEqualTo(before);
        assertThat(project.fileProperty().get()).isNull();
        assertThat(project.dirtyProperty().get()).isTrue();
        assertThat(Files.readString(damaged)).isEqualTo("not a zip");
        assertThat(project.recentFiles().files()).isEmpty();
    }

    @Test
    void newerVersionIsRefusedWithVersions(FxRobot robot) throws IOException {
        Path file = folder.resolve("future.deepdesk");
        ProjectStore.save(project.snapshot(), file);
        byte[] newer = withManifestVersion(Files.readAllBytes(file), 9);
        Files.write(file, newer);

        awaitFailure(robot, () -> project.open(file));

        Message message = ((EngineException) errors.get(0)).userMessage();
        assertThat(message.key()).isEqualTo("error.project.newerVersion");
        assertThat(message.arguments()).containsExactly("future.deepdesk", 9, ProjectStore.VERSION);
        assertThat(Files.readAllBytes(file)).isEqualTo(newer);
    }

    @Test
    void savedAndOpenedFilesHeadRecentList(FxRobot robot) {
        Path first = folder.resolve("first.deepdesk");
        Path second = folder.resolve("second.deepdesk");
        awaitSuccess(robot, () -> project.save(first, () -> { }));
        awaitSuccess(robot, () -> project.save(second, () -> { }));
        awaitSuccess(robot, () -> project.open(first));

        assertThat(project.recentFiles().files()).containsExactly(first, second);
        // The list is kept in the preferences, for the next start.
        assertThat(new RecentFiles(preferences).files()).containsExactly(first, second);
    }

    @Test
    void recentListKeepsEightNewest(FxRobot robot) {
        robot.interact(() -> {
            for (int index = 0; index < 10; index++) {
                project.recentFiles().add(folder.resolve("p" + index + ".deepdesk"));
            }
        });

        assertThat(project.recentFiles().files()).hasSize(RecentFiles.MAX_COUNT)
                .startsWith(folder.resolve("p9.deepdesk"))
                .doesNotContain(folder.resolve("p0.deepdesk"), folder.resolve("p1.deepdesk"));
    }

    @Test
    void missingRecentFileIsRemovedWithMessage(FxRobot robot) throws IOException {
        Path gone = folder.resolve("gone.deepdesk");
        awaitSuccess(robot, () -> project.save(gone, () -> { }));
        Files.delete(gone);
        robot.interact(() -> workbench.build().add(LayerKind.DROPOUT));
        NetworkSpec before = workbench.build().spec();

        awaitFailure(robot, () -> project.openRecent(gone));

        assertThat(project.recentFiles().files()).doesNotContain(gone);
        assertThat(new RecentFiles(preferences).files()).doesNotContain(gone);
        assertThat(notices).singleElement().isEqualTo(Message.of("project.recentMissing", gone));
        assertThat(ENGLISH.format(notices.get(0))).contains("gone.deepdesk", "no longer there");
        assertThat(errors).isEmpty();
        assertThat(workbench.build().spec()).isEqualTo(before);
    }

    @Test
    void autosaveWritesOnlyUnsavedChanges(FxRobot robot) throws Exception {
        interactGet(robot, () -> project.startAutosave());
        Path autosaveFile = project.autosaveFile();

        interactGet(robot, () -> project.autosave());
        assertThat(autosaveFile).doesNotExist();

        robot.interact(() -> workbench.build().add(LayerKind.DROPOUT));
        interactGet(robot, () -> project.autosave());

        assertThat(autosaveFile).isRegularFile();
        assertThat(ProjectStore.load(autosaveFile).network()).isEqualTo(workbench.build().spec());
        // A running session's work is not left over, for this DeepDesk or a second one.
        assertThat(project.leftOverWork()).isEmpty();
        assertThat(new Recovery(recoveryFolder).leftOver()).isEmpty();
    }

    @Test
    void cleanSaveRemovesAutosave(FxRobot robot) throws Exception {
        interactGet(robot, () -> project.startAutosave());
        robot.interact(() -> workbench.build().add(LayerKind.DROPOUT));
        interactGet(robot, () -> project.autosave());
        Path autosaveFile = project.autosaveFile();
        assertThat(autosaveFile).isRegularFile();

        awaitSuccess(robot, () -> project.save(folder.resolve("kept.deepdesk"), () -> { }));
        interactGet(robot, () -> project.autosave());

        assertThat(autosaveFile).doesNotExist();
    }

    @Test
    void cleanExitRemovesEveryRecoveryFile(FxRobot robot) throws Exception {
        interactGet(robot, () -> project.startAutosave());
        robot.interact(() -> workbench.build().add(LayerKind.DROPOUT));
        interactGet(robot, () -> project.autosave());

        robot.interact(() -> project.shutdown());

        assertThat(fileNames(recoveryFolder)).isEmpty();
    }

    @Test
    void crashedSessionIsDetectedAndRestored(FxRobot robot) throws Exception {
        // What a DeepDesk killed after an autosave leaves: its files, with a lock no process holds.
        NetworkSpec lost = Presets.load("lenet5").network();
        TrainingSettings lostSettings = TrainingSettings.defaults().withEpochs(6).withBatchSize(16);
        Path source = folder.resolve("homework.deepdesk");
        Entry crashed = leaveCrashedSession(ProjectFile.untrained(lost, lostSettings), source);

        List<Recovery.Entry> entries = project.leftOverWork();

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.file()).isEqualTo(crashed.file());
            assertThat(entry.source()).contains(source);
        });

        interactGet(robot, () -> project.startAutosave());
        awaitSuccess(robot, () -> project.restore(entries.get(0)));

        assertThat(workbench.build().spec()).isEqualTo(lost);
        assertThat(workbench.train().settings()).isEqualTo(lostSettings);
        assertThat(project.fileProperty().get()).isEqualTo(source);
        assertThat(project.dirtyProperty().get()).isTrue();
        assertThat(project.windowTitle(ENGLISH)).startsWith("*homework – ");
        assertThat(notices).singleElement().extracting(Message::key).isEqualTo("project.recovery.restored");
        // Once this session holds the work, the crashed session's files go.
        waitUntil(() -> !Files.exists(crashed.file()) && !Files.exists(crashed.lock()));
        assertThat(project.autosaveFile()).isRegularFile();
        assertThat(project.leftOverWork()).isEmpty();
    }

    @Test
    void declinedRecoveryIsDeleted(FxRobot robot) throws IOException {
        Entry crashed = leaveCrashedSession(project.snapshot(), null);
        Recovery.Entry entry = project.leftOverWork().get(0);
        assertThat(entry.source()).isEmpty();
        assertThat(ENGLISH.format(Message.of("project.recovery.text", ProjectViewModel.workName(entry), "10:00")))
                .contains("project Untitled");

        robot.interact(() -> project.discard(entry));

        waitUntil(() -> !Files.exists(crashed.file()));
        assertThat(fileNames(recoveryFolder)).isEmpty();
    }

    @Test
    void crashedSessionWithoutAutosaveLeavesNothingToOffer() throws IOException {
        Files.createFile(recoveryFolder.resolve("autosave-0a1b.lock"));

        assertThat(project.leftOverWork()).isEmpty();
        assertThat(fileNames(recoveryFolder)).isEmpty();
    }

    /** The files a crashed session left. */
    private record Entry(Path file, Path lock) {
    }

    private Entry leaveCrashedSession(ProjectFile work, Path source) throws IOException {
        String id = UUID.randomUUID().toString();
        Path file = recoveryFolder.resolve("autosave-" + id + ".deepdesk");
        ProjectStore.save(work, file);
        Properties info = new Properties();
        info.setProperty("source", source == null ? "" : source.toString());
        try (var writer = Files.newBufferedWriter(recoveryFolder.resolve("autosave-" + id + ".properties"))) {
            info.store(writer, null);
        }
        Path lock = Files.createFile(recoveryFolder.resolve("autosave-" + id + ".lock"));
        return new Entry(file, lock);
    }

    /** Returns a project file's bytes with another format version in its manifest, as a later DeepDesk might write. */
    private static byte[] withManifestVersion(byte[] project, int version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream input = new ZipInputStream(new ByteArrayInputStream(project));
                ZipOutputStream output = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = input.getNextEntry(); entry != null; entry = input.getNextEntry()) {
                byte[] content = input.readAllBytes();
                if (entry.getName().equals("manifest.json")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replace("\"version\" : 1", "\"version\" : " + version).getBytes(StandardCharsets.UTF_8);
                }
                output.putNextEntry(new ZipEntry(entry.getName()));
                output.write(content);
                output.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private void setUnusualSettings() {
        var form = workbench.train().form();
        form.epochsProperty().set(7);
        form.batchSizeProperty().set(16);
        form.optimizerProperty().set(Optimizer.SGD);
        form.learningRateProperty().set(0.02);
        form.momentumProperty().set(0.8);
        form.nesterovProperty().set(false);
        form.scheduleProperty().set(LearningRateSchedule.Kind.STEP);
        form.stepEpochsProperty().set(3);
        form.decayProperty().set(0.3);
        form.weightDecayProperty().set(1e-4);
        form.patienceProperty().set(2);
        form.validationSplitProperty().set(0.25);
        form.trainingLimitProperty().set(1234);
        form.seedProperty().set(99);
    }

    @Test
    void exportedPackOpensWithNotesImagesAndStack(FxRobot robot) {
        Path pack = folder.resolve("lesson-pack.deepdesk");
        robot.interact(() -> workbench.build().add(LayerKind.DROPOUT));
        NetworkSpec exported = workbench.build().spec();
        List<Integer> written = new ArrayList<>();

        awaitSuccess(robot, () -> project.exportPack(pack, "Week 3", 300, written::add));
        robot.interact(project::newProject);
        awaitSuccess(robot, () -> project.open(pack));

        assertThat(written).containsExactly(300);
        assertThat(project.packNotesProperty().get()).isEqualTo("Week 3");
        assertThat(workbench.build().spec()).isEqualTo(exported);
        assertThat(workbench.data().datasetProperty().get().name()).isEqualTo("lesson-pack.deepdesk");
        assertThat(workbench.data().datasetProperty().get().training().size()).isEqualTo(240);
        assertThat(workbench.data().datasetProperty().get().test().size()).isEqualTo(60);
    }

    @Test
    void addingDigitMarksUnsavedChange(FxRobot robot) {
        awaitHandwritingLoaded();
        awaitSuccess(robot, () -> project.save(folder.resolve("digits.deepdesk"), () -> { }));
        assertThat(project.dirtyProperty().get()).isFalse();

        robot.interact(() -> workbench.handwriting().save(ink(0.5f), 4));

        assertThat(project.dirtyProperty().get()).isTrue();
        assertThat(project.windowTitle(ENGLISH)).startsWith("*digits – ");
    }

    @Test
    void reopenRestoresSavedHandwriting(FxRobot robot) throws Exception {
        awaitHandwritingLoaded();
        robot.interact(() -> {
            workbench.handwriting().save(ink(0.2f), 1);
            workbench.handwriting().save(ink(0.6f), 7);
            workbench.handwriting().save(ink(0.9f), 7);
        });
        PersonalDigits saved = workbench.handwriting().digitsProperty().get();
        Path file = folder.resolve("three digits.deepdesk");
        awaitSuccess(robot, () -> project.save(file, () -> { }));
        assertThat(ProjectStore.load(file).handwriting()).isEqualTo(saved);

        robot.interact(() -> workbench.handwriting().save(ink(0.4f), 2));
        awaitSuccess(robot, () -> project.save(folder.resolve("four digits.deepdesk"), () -> { }));
        awaitSuccess(robot, () -> project.open(file));

        assertThat(workbench.handwriting().digitsProperty().get().size()).isEqualTo(3);
        assertThat(workbench.handwriting().digitsProperty().get()).isEqualTo(saved);
        assertThat(project.dirtyProperty().get()).isFalse();
        assertThat(notices).isEmpty();
        // The per-user folder follows, so the next start shows the project's digits too.
        waitUntil(() -> !workbench.handwriting().savingProperty().get());
        assertThat(PersonalDigitsFiles.load(handwritingFolder)).isEqualTo(saved);

        robot.interact(() -> workbench.handwriting().save(ink(0.3f), 0));
        assertThat(project.dirtyProperty().get()).isTrue();
    }

    @Test
    void fileWithoutHandwritingKeepsDigits(FxRobot robot) {
        awaitHandwritingLoaded();
        robot.interact(() -> workbench.handwriting().save(ink(0.5f), 8));
        PersonalDigits drawn = workbench.handwriting().digitsProperty().get();
        Path older = folder.resolve("older.deepdesk");
        ProjectStore.save(ProjectFile.untrained(Presets.load("lenet5").network(), TrainingSettings.defaults()), older);

        awaitSuccess(robot, () -> project.open(older));

        assertThat(workbench.build().spec()).isEqualTo(Presets.load("lenet5").network());
        assertThat(workbench.handwriting().digitsProperty().get()).isEqualTo(drawn);
        assertThat(project.dirtyProperty().get()).isFalse();
    }

    @Test
    void damagedHandwritingOpensRestWithNotice(FxRobot robot) throws IOException {
        awaitHandwritingLoaded();
        NetworkSpec lenet = Presets.load("lenet5").network();
        PersonalDigits twoDigits = PersonalDigits.empty().withDigit(ink(0.1f), 1).withDigit(ink(0.2f), 2);
        Path file = folder.resolve("damaged digits.deepdesk");
        ProjectStore.save(ProjectFile.untrained(lenet, TrainingSettings.defaults()).withHandwriting(twoDigits), file);
        Files.write(file, withEntry(Files.readAllBytes(file), "handwriting/labels-idx1-ubyte.gz", "not gzip".getBytes(StandardCharsets.UTF_8)));
        robot.interact(() -> workbench.handwriting().save(ink(0.5f), 5));
        PersonalDigits drawn = workbench.handwriting().digitsProperty().get();

        awaitSuccess(robot, () -> project.open(file));

        assertThat(errors).isEmpty();
        assertThat(workbench.build().spec()).isEqualTo(lenet);
        assertThat(project.fileProperty().get()).isEqualTo(file);
        assertThat(workbench.handwriting().digitsProperty().get()).isEqualTo(drawn);
        assertThat(notices).singleElement().extracting(Message::key).isEqualTo("error.project.invalidHandwriting");
        assertThat(ENGLISH.format(notices.get(0))).contains("damaged digits.deepdesk", "handwriting/labels-idx1-ubyte.gz");
    }

    @Test
    void autosaveAndRecoveryKeepHandwriting(FxRobot robot) throws Exception {
        awaitHandwritingLoaded();
        interactGet(robot, () -> project.startAutosave());
        Path autosaveFile = project.autosaveFile();

        robot.interact(() -> workbench.handwriting().save(ink(0.7f), 9));
        interactGet(robot, () -> project.autosave());

        assertThat(ProjectStore.load(autosaveFile).handwriting()).isEqualTo(workbench.handwriting().digitsProperty().get());

        PersonalDigits lost = PersonalDigits.empty().withDigit(ink(0.3f), 3).withDigit(ink(0.4f), 6);
        leaveCrashedSession(project.snapshot().withHandwriting(lost), null);
        Recovery.Entry crashed = project.leftOverWork().get(0);
        awaitSuccess(robot, () -> project.restore(crashed));

        assertThat(workbench.handwriting().digitsProperty().get()).isEqualTo(lost);
        assertThat(project.dirtyProperty().get()).isTrue();
    }

    @Test
    void digitsReadAtStartAreNoUnsavedChange(FxRobot robot) {
        PersonalDigitsFiles.save(PersonalDigits.empty().withDigit(ink(0.5f), 2), handwritingFolder);
        List<Workbench> started = new ArrayList<>();
        robot.interact(() -> started.add(new Workbench(Locale.ENGLISH, new RecentFiles(preferences), new Recovery(recoveryFolder))));
        Workbench second = started.get(0);

        try {
            waitUntil(() -> second.handwriting().loadedProperty().get());
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(second.handwriting().digitsProperty().get().size()).isEqualTo(1);
            assertThat(second.project().dirtyProperty().get()).isFalse();
        } finally {
            robot.interact(second::shutdown);
        }
    }

    private void awaitHandwritingLoaded() {
        waitUntil(() -> workbench.handwriting().loadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Returns a 28x28 drawing with every pixel at {@code value}. */
    private static float[] ink(float value) {
        float[] pixels = new float[28 * 28];
        Arrays.fill(pixels, value);
        return pixels;
    }

    /** Returns a project file's bytes with {@code name} holding {@code content} instead. */
    private static byte[] withEntry(byte[] project, String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream input = new ZipInputStream(new ByteArrayInputStream(project));
                ZipOutputStream output = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = input.getNextEntry(); entry != null; entry = input.getNextEntry()) {
                byte[] value = entry.getName().equals(name) ? content : input.readAllBytes();
                output.putNextEntry(new ZipEntry(entry.getName()));
                output.write(value);
                output.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private <T> void awaitSuccess(FxRobot robot, Supplier<Task<T>> start) {
        Task<T> task = awaitDone(robot, start);
        assertThat(stateOf(task)).as("errors: %s", errors).isEqualTo(Worker.State.SUCCEEDED);
    }

    private static <T> void awaitFailure(FxRobot robot, Supplier<Task<T>> start) {
        assertThat(stateOf(awaitDone(robot, start))).isEqualTo(Worker.State.FAILED);
    }

    private static <T> Task<T> awaitDone(FxRobot robot, Supplier<Task<T>> start) {
        List<Task<T>> started = new ArrayList<>();
        robot.interact(() -> started.add(start.get()));
        Task<T> task = started.get(0);
        assertThat(task).isNotNull();
        waitUntil(task::isDone);
        // The task's state and its handlers follow on the FX thread.
        WaitForAsyncUtils.waitForFxEvents();
        return task;
    }

    private static Worker.State stateOf(Task<?> task) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, task::getState);
    }

    private static void interactGet(FxRobot robot,
                                    Supplier<CompletableFuture<Void>> start)
            throws Exception {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        robot.interact(() -> started.add(start.get()));
        started.get(0).get(20, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException timedOut) {
            throw new AssertionError("timed out", timedOut);
        }
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
