package org.deepdesk.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.ModelStore;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.i18n.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectStoreTest {

    private static final float TOLERANCE = 1e-6f;
    private static final int SAMPLE_COUNT = 20;
    private static final String PROJECT_NAME = "lesson" + ProjectStore.EXTENSION;

    private static ImageDataset images;
    private static ProjectFile trainedProject;
    private static byte[] savedBytes;

    @TempDir
    Path folder;

    /** A way to damage the bytes of a good project file, and the error its load should raise. */
    record DamagedFile(String label, UnaryOperator<byte[]> damage, String key) {

        @Override
        public String toString() {
            return label;
        }
    }

    @BeforeAll
    static void trainAndSave(@TempDir Path scratch) throws IOException {
        images = ProjectFixture.images(ProjectFixture.MNIST_FOLDER);
        trainedProject = ProjectFixture.trained(images);

        Path file = scratch.resolve(PROJECT_NAME);
        ProjectStore.save(trainedProject, file);
        savedBytes = Files.readAllBytes(file);
    }

    static Stream<DamagedFile> damagedFiles() {
        return Stream.of(
                new DamagedFile("random bytes", project -> randomBytes(4096), "error.project.corrupt"),
                new DamagedFile("empty file", project -> new byte[0], "error.project.corrupt"),
                new DamagedFile("text file", project -> utf8("Conv2D 32, MaxPool2D 2, Dense 10"), "error.project.corrupt"),
                new DamagedFile("truncated zip", project -> Arrays.copyOf(project, project.length / 2), "error.project.corrupt"),
                new DamagedFile("zip without entries", project -> zip(Map.of()), "error.project.corrupt"),
                new DamagedFile("zip without manifest", project -> withEntries(project, entries -> entries.remove("manifest.json")),
                        "error.project.missingEntry"),
                new DamagedFile("zip without network", project -> withEntries(project, entries -> entries.remove("network.json")),
                        "error.project.missingEntry"),
                new DamagedFile("trained without model", project -> withEntries(project, entries -> entries.remove("model.ddmodel")),
                        "error.project.missingEntry"),
                new DamagedFile("manifest version 99", project -> withManifest(project, manifest(99)),
                        "error.project.newerVersion"),
                new DamagedFile("version 99 without network", project -> withEntries(project, entries -> {
                    entries.put("manifest.json", utf8(manifest(99)));
                    entries.remove("network.json");
                }), "error.project.newerVersion"),
                new DamagedFile("manifest version 0", project -> withManifest(project, manifest(0)), "error.project.corrupt"),
                new DamagedFile("manifest without version", project -> withManifest(project,
                        "{\"format\":\"deepdesk-project\",\"trained\":true}"), "error.project.corrupt"),
                new DamagedFile("version as text", project -> withManifest(project,
                        "{\"format\":\"deepdesk-project\",\"version\":\"one\",\"trained\":true}"), "error.project.corrupt"),
                new DamagedFile("other manifest format", project -> withManifest(project,
                        "{\"format\":\"deepdesk-network\",\"version\":1}"), "error.project.corrupt"),
                new DamagedFile("manifest not json", project -> withManifest(project, "version 1"), "error.project.corrupt"),
                // The first entry's name starts at byte 30 of a zip; 0xB6 there is not valid UTF-8.
                new DamagedFile("entry name not utf-8", ProjectStoreTest::withInvalidFirstName, "error.project.corrupt"),
                new DamagedFile("manifest a json array", project -> withManifest(project, "[1, 2]"), "error.project.corrupt"),
                new DamagedFile("network not json", project -> withEntries(project,
                        entries -> entries.put("network.json", utf8("{ \"format\" : "))), "error.project.invalidNetwork"),
                new DamagedFile("network of a newer version", project -> withEntries(project,
                        entries -> entries.put("network.json", utf8("{\"format\":\"deepdesk-network\",\"version\":7}"))),
                        "error.project.invalidNetwork"),
                new DamagedFile("model random bytes", project -> withEntries(project,
                        entries -> entries.put("model.ddmodel", randomBytes(512))), "error.project.invalidModel"),
                new DamagedFile("model without weights", project -> withEntries(project,
                        entries -> entries.put("model.ddmodel", withEntries(entries.get("model.ddmodel"),
                                model -> model.remove("weights.zip")))), "error.project.invalidModel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void damagedFileIsRejected(DamagedFile damaged) throws IOException {
        byte[] content = damaged.damage().apply(savedBytes.clone());
        Path file = Files.write(folder.resolve("damaged.deepdesk"), content);

        EngineException failure = catchThrowableOfType(EngineException.class, () -> ProjectStore.load(file));

        assertThat(failure).isNotNull();
        assertThat(failure.userMessage().key()).isEqualTo(damaged.key());
        assertThat(failure.userMessage().arguments().get(0)).isEqualTo("damaged.deepdesk");
        assertThat(failure.getMessage()).contains("damaged.deepdesk").doesNotContain("[error.");
        assertThat(failure.localizedMessage(Locale.SIMPLIFIED_CHINESE)).contains("damaged.deepdesk").doesNotContain("[error.");
        // Opening reads only: a file that cannot be opened stays as it was.
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }

    @Test
    void newerVersionNamesFileAndBothVersions() throws IOException {
        Path file = Files.write(folder.resolve(PROJECT_NAME), withManifest(savedBytes, manifest(99)));

        EngineException failure = catchThrowableOfType(EngineException.class, () -> ProjectStore.load(file));

        assertThat(failure.userMessage().arguments()).containsExactly(PROJECT_NAME, 99, ProjectStore.VERSION);
        assertThat(failure.getMessage()).contains(PROJECT_NAME, "99", "newer DeepDesk");
    }

    @Test
    void missingEntryIsNamed() throws IOException {
        Path file = Files.write(folder.resolve(PROJECT_NAME),
                withEntries(savedBytes, entries -> entries.remove("network.json")));

        Message message = catchThrowableOfType(EngineException.class, () -> ProjectStore.load(file)).userMessage();

        assertThat(message.arguments()).containsExactly(PROJECT_NAME, "network.json");
    }

    @Test
    void damagedModelGivesModelReason() throws IOException {
        Path file = Files.write(folder.resolve(PROJECT_NAME), withEntries(savedBytes, entries -> entries.put("model.ddmodel",
                withEntries(entries.get("model.ddmodel"), model -> model.remove("weights.zip")))));

        EngineException failure = catchThrowableOfType(EngineException.class, () -> ProjectStore.load(file));

        Message reason = (Message) failure.userMessage().arguments().get(1);
        assertThat(reason.key()).isEqualTo("error.model.missingEntry");
        assertThat(reason.arguments()).containsExactly("model.ddmodel", "weights.zip");
        assertThat(failure.getMessage()).contains(PROJECT_NAME, "weights.zip");
    }

    @Test
    void modelFileIsNamedAsSuch() throws IOException {
        Path model = folder.resolve("model" + ModelStore.EXTENSION);
        ModelStore.save(trainedProject.trained().orElseThrow(), model);
        Path renamed = Files.move(model, folder.resolve(PROJECT_NAME));

        Message message = catchThrowableOfType(EngineException.class, () -> ProjectStore.load(renamed)).userMessage();

        assertThat(message.key()).isEqualTo("error.project.isModel");
        assertThat(message.arguments()).containsExactly(PROJECT_NAME);
    }

    @Test
    void missingFileFailsRead() {
        Path file = folder.resolve("absent.deepdesk");

        EngineException failure = catchThrowableOfType(EngineException.class, () -> ProjectStore.load(file));

        assertThat(failure.userMessage().key()).isEqualTo("error.project.readFailed");
        assertThat(failure.userMessage().arguments().get(0)).isEqualTo("absent.deepdesk");
    }

    @Test
    void untrainedProjectRoundTrips() {
        Path file = folder.resolve(PROJECT_NAME);

        ProjectStore.save(ProjectFixture.untrained(), file);
        ProjectFile loaded = ProjectStore.load(file);

        assertThat(loaded).isEqualTo(ProjectFixture.untrained());
        assertThat(loaded.trained()).isEmpty();
    }

    @Test
    void trainedProjectKeepsStackSettingsAndModel() {
        Path file = folder.resolve(PROJECT_NAME);

        ProjectStore.save(trainedProject, file);
        ProjectFile loaded = ProjectStore.load(file);

        assertThat(loaded.network()).isEqualTo(ProjectFixture.SOFTMAX);
        assertThat(loaded.settings()).isEqualTo(ProjectFixture.SOFTMAX_NEXT_SETTINGS);
        TrainableNetwork model = loaded.trained().orElseThrow();
        TrainableNetwork original = trainedProject.trained().orElseThrow();
        assertThat(model.spec()).isEqualTo(original.spec());
        assertThat(model.settings()).isEqualTo(ProjectFixture.SOFTMAX_SETTINGS);
        assertThat(model.classCount()).isEqualTo(original.classCount());
        assertThat(model.history()).isEqualTo(original.history());
        assertThat(model.history().epochs()).hasSize(1);
    }

    @Test
    void trainedProjectPredictsSame() {
        Path file = folder.resolve(PROJECT_NAME);
        ProjectStore.save(trainedProject, file);
        float[] batch = firstImages(SAMPLE_COUNT);

        TrainableNetwork loaded = ProjectStore.load(file).trained().orElseThrow();

        assertThat(loaded.predict(batch, SAMPLE_COUNT))
                .containsExactly(trainedProject.trained().orElseThrow().predict(batch, SAMPLE_COUNT), within(TOLERANCE));
    }

    @Test
    void stackEditedAfterTrainingIsKeptBesideTrainedNetwork() {
        // The user trained softmax regression, then added a hidden layer and has not trained again.
        NetworkSpec edited = ProjectFixture.SOFTMAX.withLayers(List.of(ProjectFixture.SOFTMAX.layers().get(0),
                new DenseSpec(32, Activation.RELU), ProjectFixture.SOFTMAX.layers().get(1)));
        Path file = folder.resolve(PROJECT_NAME);

        ProjectStore.save(new ProjectFile(edited, trainedProject.settings(), trainedProject.trained()), file);
        ProjectFile loaded = ProjectStore.load(file);

        assertThat(loaded.network()).isEqualTo(edited);
        assertThat(loaded.trained().orElseThrow().spec()).isEqualTo(ProjectFixture.SOFTMAX);
    }

    @Test
    void stackThatCannotWorkIsSavedAsItIs() {
        // Work in progress: Dense straight after the image, without Flatten, and 3 output units.
        NetworkSpec broken = new NetworkSpec("half done", new ImageShape(14, 14, 1),
                List.of(new DenseSpec(3, Activation.RELU)));
        ProjectFile project = ProjectFile.untrained(broken, TrainingSettings.defaults());
        Path file = folder.resolve(PROJECT_NAME);

        ProjectStore.save(project, file);

        assertThat(ProjectStore.load(file)).isEqualTo(project);
    }

    @Test
    void manifestNamesFormatVersionAndContent() throws IOException {
        Path file = folder.resolve(PROJECT_NAME);
        ProjectStore.save(trainedProject, file);

        Map<String, byte[]> entries = unzip(Files.readAllBytes(file));

        assertThat(entries.keySet()).containsExactlyInAnyOrder("manifest.json", "network.json", "model.ddmodel");
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"format\" : \"deepdesk-project\"", "\"version\" : 1", "\"trained\" : true");
        // The model entry is a model file as it is, so it can be unpacked and opened on its own.
        Path model = Files.write(folder.resolve("unpacked" + ModelStore.EXTENSION), entries.get("model.ddmodel"));
        assertThat(ModelStore.load(model).history()).isEqualTo(trainedProject.trained().orElseThrow().history());
    }

    @Test
    void untrainedProjectHasNoModelEntry() throws IOException {
        Path file = folder.resolve(PROJECT_NAME);
        ProjectStore.save(ProjectFixture.untrained(), file);

        assertThat(unzip(Files.readAllBytes(file)).keySet()).containsExactlyInAnyOrder("manifest.json", "network.json");
    }

    @Test
    void overwriteReplacesProjectAndLeavesNoTempFiles() throws IOException {
        Path file = folder.resolve(PROJECT_NAME);

        ProjectStore.save(trainedProject, file);
        ProjectStore.save(ProjectFixture.untrained(), file);

        assertThat(ProjectStore.load(file)).isEqualTo(ProjectFixture.untrained());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(PROJECT_NAME);
        }
    }

    @Test
    void saveCreatesMissingFolders() {
        Path file = folder.resolve("class").resolve("week 3").resolve(PROJECT_NAME);

        ProjectStore.save(ProjectFixture.untrained(), file);

        assertThat(file).isRegularFile();
    }

    @Test
    void folderIsFileFailsSave() throws IOException {
        Path notFolder = Files.writeString(folder.resolve("notes.txt"), "not a folder");
        Path target = notFolder.resolve(PROJECT_NAME);

        EngineException failure = catchThrowableOfType(EngineException.class,
                () -> ProjectStore.save(ProjectFixture.untrained(), target));

        assertThat(failure).isNotNull();
        assertThat(failure.userMessage().key()).isEqualTo("error.project.saveFailed");
        assertThat(failure.userMessage().arguments().get(0)).isEqualTo(target.toAbsolutePath());
        assertThat(Files.readString(notFolder)).isEqualTo("not a folder");
    }

    @Test
    void readOnlyFolderKeepsOldFile() throws IOException {
        Path locked = Files.createDirectory(folder.resolve("locked"));
        Path file = locked.resolve(PROJECT_NAME);
        ProjectStore.save(trainedProject, file);
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "root and some file systems ignore read-only folders");

            EngineException failure = catchThrowableOfType(EngineException.class,
                    () -> ProjectStore.save(ProjectFixture.untrained(), file));

            assertThat(failure.userMessage().key()).isEqualTo("error.project.saveFailed");
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void unknownEntriesOfSameVersionAreIgnored() throws IOException {
        // A later release may add optional parts to version 1 files; this one must still open them.
        Path file = Files.write(folder.resolve(PROJECT_NAME),
                withEntries(savedBytes, entries -> entries.put("notes.txt", utf8("Lesson 3"))));

        assertThat(ProjectStore.load(file).network()).isEqualTo(ProjectFixture.SOFTMAX);
    }

    @Test
    void untrainedVersionOneFixtureLoads() throws URISyntaxException {
        ProjectFile loaded = ProjectStore.load(fixture(ProjectFixture.UNTRAINED_V1));

        assertThat(loaded.network()).isEqualTo(ProjectFixture.UNTRAINED_NETWORK);
        assertThat(loaded.settings()).isEqualTo(ProjectFixture.UNTRAINED_SETTINGS);
        assertThat(loaded.trained()).isEmpty();
    }

    @Test
    void trainedVersionOneFixtureLoads() throws URISyntaxException {
        ProjectFile loaded = ProjectStore.load(fixture(ProjectFixture.TRAINED_V1));

        assertThat(loaded.network()).isEqualTo(ProjectFixture.SOFTMAX);
        assertThat(loaded.settings()).isEqualTo(ProjectFixture.SOFTMAX_NEXT_SETTINGS);
        TrainableNetwork model = loaded.trained().orElseThrow();
        assertThat(model.spec()).isEqualTo(ProjectFixture.SOFTMAX);
        assertThat(model.settings()).isEqualTo(ProjectFixture.SOFTMAX_SETTINGS);
        assertThat(model.classCount()).isEqualTo(10);
        assertThat(model.history().epochs()).hasSize(1);
        // 480 training images (20% held out) in batches of 50.
        assertThat(model.history().stepCount()).isEqualTo(10);
    }

    @Test
    void trainedVersionOneFixturePredictsSeven() throws URISyntaxException {
        TrainableNetwork model = ProjectStore.load(fixture(ProjectFixture.TRAINED_V1)).trained().orElseThrow();

        float[] probabilities = model.predict(images.image(0));

        // The first image of the MNIST test split is a 7, and the fixture was trained on it.
        assertThat(images.labels()[0]).isEqualTo(7);
        assertThat(argMax(probabilities)).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {ProjectFixture.UNTRAINED_V1, ProjectFixture.TRAINED_V1})
    void versionOneFixtureSavesAgainUnchanged(String resource) throws URISyntaxException {
        ProjectFile loaded = ProjectStore.load(fixture(resource));
        Path file = folder.resolve(PROJECT_NAME);

        ProjectStore.save(loaded, file);
        ProjectFile again = ProjectStore.load(file);

        assertThat(again.network()).isEqualTo(loaded.network());
        assertThat(again.settings()).isEqualTo(loaded.settings());
        assertThat(again.trained().map(TrainableNetwork::history)).isEqualTo(loaded.trained().map(TrainableNetwork::history));
    }

    private static Path fixture(String resource) throws URISyntaxException {
        URL url = ProjectStoreTest.class.getResource(resource);
        assertThat(url).as(resource).isNotNull();
        return Path.of(url.toURI());
    }

    private static float[] firstImages(int count) {
        float[] batch = new float[count * images.sampleSize()];
        for (int i = 0; i < count; i++) {
            System.arraycopy(images.image(i), 0, batch, i * images.sampleSize(), images.sampleSize());
        }
        return batch;
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static byte[] withInvalidFirstName(byte[] project) {
        byte[] damaged = project.clone();
        damaged[30 + 3] = (byte) 0xB6;
        return damaged;
    }

    private static String manifest(int version) {
        return "{\"format\":\"deepdesk-project\",\"version\":" + version + ",\"trained\":true}";
    }

    private static byte[] withManifest(byte[] project, String manifest) {
        return withEntries(project, entries -> entries.put("manifest.json", utf8(manifest)));
    }

    private static byte[] withEntries(byte[] zip, java.util.function.Consumer<Map<String, byte[]>> change) {
        Map<String, byte[]> entries = unzip(zip);
        change.accept(entries);
        return zip(entries);
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream input = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = input.getNextEntry(); entry != null; entry = input.getNextEntry()) {
                entries.put(entry.getName(), input.readAllBytes());
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream output = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                output.putNextEntry(new ZipEntry(entry.getKey()));
                output.write(entry.getValue());
                output.closeEntry();
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return bytes.toByteArray();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new Random(1).nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
