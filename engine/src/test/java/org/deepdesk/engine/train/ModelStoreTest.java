package org.deepdesk.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.i18n.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ModelStoreTest {

    private static final float TOLERANCE = 1e-6f;
    private static final int SAMPLE_COUNT = 20;
    private static final String MODEL_NAME = "model" + ModelStore.EXTENSION;

    private static ImageDataset images;
    private static TrainableNetwork trained;
    private static byte[] savedBytes;

    @TempDir
    Path folder;

    /** A way to damage the bytes of a good model file, and the error its load should raise. */
    record DamagedFile(String label, UnaryOperator<byte[]> damage, String key) {

        @Override
        public String toString() {
            return label;
        }
    }

    @BeforeAll
    static void trainAndSave(@TempDir Path scratch) throws IOException {
        images = ModelFixture.images(ModelFixture.MNIST_FOLDER);
        trained = ModelFixture.train(images);

        Path file = scratch.resolve(MODEL_NAME);
        ModelStore.save(trained, file);
        savedBytes = Files.readAllBytes(file);
    }

    static Stream<DamagedFile> damagedFiles() {
        return Stream.of(
                new DamagedFile("random bytes", model -> randomBytes(4096), "error.model.corrupt"),
                new DamagedFile("empty file", model -> new byte[0], "error.model.corrupt"),
                new DamagedFile("text file", model -> utf8("Conv2D 32, MaxPool2D 2, Dense 10"), "error.model.corrupt"),
                new DamagedFile("truncated zip", model -> Arrays.copyOf(model, model.length / 2), "error.model.corrupt"),
                new DamagedFile("zip without entries", model -> zip(Map.of()), "error.model.corrupt"),
                new DamagedFile("zip without weights", model -> withEntries(model, entries -> entries.remove("weights.zip")),
                        "error.model.missingEntry"),
                new DamagedFile("zip without manifest", model -> withEntries(model, entries -> entries.remove("manifest.json")),
                        "error.model.missingEntry"),
                new DamagedFile("zip without network", model -> withEntries(model, entries -> entries.remove("network.json")),
                        "error.model.missingEntry"),
                new DamagedFile("manifest version 99", model -> withManifest(model, manifest(99)),
                        "error.model.newerVersion"),
                new DamagedFile("version 99 without weights", model -> withEntries(model, entries -> {
                    entries.put("manifest.json", utf8(manifest(99)));
                    entries.remove("weights.zip");
                }), "error.model.newerVersion"),
                new DamagedFile("other manifest format", model -> withManifest(model,
                        "{\"format\":\"deepdesk-network\",\"version\":1}"), "error.model.corrupt"),
                new DamagedFile("manifest not json", model -> withManifest(model, "version 1"), "error.model.corrupt"),
                // Found by ModelStoreFuzzTest: ZipInputStream raised IllegalArgumentException on such a name.
                new DamagedFile("entry name not utf-8", ModelStoreTest::withInvalidFirstName, "error.model.corrupt"),
                new DamagedFile("weights not a model", model -> withEntries(model,
                        entries -> entries.put("weights.zip", randomBytes(512))), "error.model.corrupt"));
    }

    /** A hand edit of a saved model's {@code network.json}, and the error its load should raise. */
    record EditedNetwork(String label, UnaryOperator<String> edit, String key) {

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<EditedNetwork> editedNetworks() {
        return Stream.of(
                new EditedNetwork("smaller input", json -> json.replace("\"height\" : 28", "\"height\" : 14"),
                        "error.model.weightsMismatch"),
                new EditedNetwork("extra layer", json -> json.replace("\"type\" : \"Flatten\"",
                        "\"type\" : \"Flatten\" }, { \"type\" : \"Dense\", \"units\" : 32, \"activation\" : \"RELU\""),
                        "error.model.layerCountMismatch"),
                new EditedNetwork("negative units", json -> json.replace("\"units\" : 10", "\"units\" : -10"),
                        "error.model.invalidNetwork"),
                new EditedNetwork("negative input width", json -> json.replace("\"width\" : 28", "\"width\" : -28"),
                        "error.model.invalidNetwork"),
                new EditedNetwork("eleven classes", json -> json.replace("\"units\" : 10", "\"units\" : 11"),
                        "error.model.invalidNetwork"),
                new EditedNetwork("unknown layer type", json -> json.replace("\"Flatten\"", "\"Reshape\""),
                        "error.spec.invalidContent"),
                new EditedNetwork("units as text", json -> json.replace("\"units\" : 10", "\"units\" : \"ten\""),
                        "error.spec.invalidContent"),
                new EditedNetwork("units beyond int", json -> json.replace("\"units\" : 10", "\"units\" : 1e12"),
                        "error.spec.invalidContent"),
                new EditedNetwork("not json", json -> json.substring(0, json.length() / 2), "error.spec.invalidJson"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("editedNetworks")
    void editedNetworkIsRejected(EditedNetwork edited) throws IOException {
        byte[] model = withNetwork(savedBytes, edited.edit());
        Path file = Files.write(folder.resolve("edited.ddmodel"), model);

        EngineException failure = catchThrowableOfType(EngineException.class, () -> ModelStore.load(file));

        assertThat(failure).isNotNull();
        assertThat(failure.userMessage().key()).isEqualTo(edited.key());
        assertThat(failure.userMessage().arguments().get(0)).isEqualTo("edited.ddmodel");
        assertThat(failure.getMessage()).contains("edited.ddmodel");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backend.class)
    void fewerFiltersNamesLayer(Backend backend) throws IOException {
        TrainableNetwork network = TrainableNetwork.create(TrainerTest.tinyCnn(), ModelFixture.SETTINGS, 10, backend);
        Path file = folder.resolve(MODEL_NAME);
        ModelStore.save(network, file);
        byte[] model = withNetwork(Files.readAllBytes(file), json -> json.replace("\"filters\" : 4", "\"filters\" : 2"));
        Files.write(file, model);

        Message message = catchThrowableOfType(EngineException.class, () -> ModelStore.load(file)).userMessage();

        // Layer 1 is Conv2D 4 of 3x3 on one channel: 4 * 9 weights and 4 biases, 2 * 9 + 2 after the edit.
        assertThat(message.key()).isEqualTo("error.model.weightsMismatch");
        assertThat(message.arguments()).containsExactly(MODEL_NAME, 1, "Conv2D", 20L, 40L);
    }

    @Test
    void invalidNetworkNamesLayer() throws IOException {
        byte[] model = withNetwork(savedBytes, json -> json.replace("\"units\" : 10", "\"units\" : -10"));
        Path file = Files.write(folder.resolve(MODEL_NAME), model);

        EngineException failure = catchThrowableOfType(EngineException.class, () -> ModelStore.load(file));

        assertThat(failure.getMessage()).contains(MODEL_NAME);
        assertThat(failure.getMessage()).contains("Layer 2 (Dense) has -10 units");
        assertThat(failure.localizedMessage(Locale.SIMPLIFIED_CHINESE)).contains(MODEL_NAME);
    }

    @Test
    void editedVersionOneFixtureIsRejected() throws IOException, URISyntaxException {
        URL resource = ModelStoreTest.class.getResource(ModelFixture.VERSION_1_RESOURCE);
        assertThat(resource).isNotNull();
        byte[] fixture = Files.readAllBytes(Path.of(resource.toURI()));
        byte[] model = withNetwork(fixture, json -> json.replace("\"height\" : 28", "\"height\" : 14"));
        Path file = Files.write(folder.resolve(MODEL_NAME), model);

        Message message = catchThrowableOfType(EngineException.class, () -> ModelStore.load(file)).userMessage();

        // The fixture predates the manifest's layer counts, so the restored Deeplearning4j network is counted.
        assertThat(message.key()).isEqualTo("error.model.parameterCountMismatch");
        assertThat(message.arguments()).containsExactly(MODEL_NAME, 14L * 28 * 10 + 10, 28L * 28 * 10 + 10);
    }

    @Test
    void loadedModelPredictsSame() {
        Path file = folder.resolve(MODEL_NAME);
        ModelStore.save(trained, file);
        float[] batch = firstImages(SAMPLE_COUNT);

        TrainableNetwork loaded = ModelStore.load(file);

        assertThat(loaded.predict(batch, SAMPLE_COUNT))
                .containsExactly(trained.predict(batch, SAMPLE_COUNT), within(TOLERANCE));
    }

    @Test
    void loadedModelKeepsHistory() {
        Path file = folder.resolve(MODEL_NAME);
        ModelStore.save(trained, file);

        TrainableNetwork loaded = ModelStore.load(file);

        assertThat(trained.history().epochs()).hasSize(1);
        assertThat(loaded.history()).isEqualTo(trained.history());
        assertThat(loaded.stepCount()).isEqualTo(trained.stepCount());
    }

    @Test
    void loadedModelKeepsSpecAndSettings() {
        Path file = folder.resolve(MODEL_NAME);
        ModelStore.save(trained, file);

        TrainableNetwork loaded = ModelStore.load(file);

        assertThat(loaded.spec()).isEqualTo(trained.spec());
        assertThat(loaded.settings()).isEqualTo(trained.settings());
        assertThat(loaded.classCount()).isEqualTo(trained.classCount());
    }

    @Test
    void missingValidationSurvivesRoundTrip() {
        // Epochs trained without a validation split record NaN, which plain JSON has no number for.
        TrainingHistory history = new TrainingHistory(
                List.of(new BatchRecord(1, 2.3, 0.1)),
                List.of(new EpochRecord(1, 2.3, 0.1, Double.NaN, Double.NaN, 0.5)));
        TrainableNetwork network = new TrainableNetwork(trained.spec(), ModelFixture.SETTINGS, trained.backend(), history);
        Path file = folder.resolve(MODEL_NAME);
        ModelStore.save(network, file);

        TrainableNetwork loaded = ModelStore.load(file);

        assertThat(loaded.history()).isEqualTo(history);
    }

    @Test
    void overwriteReplacesModel() {
        Path file = folder.resolve(MODEL_NAME);
        TrainableNetwork untrained = TrainableNetwork.create(trained.spec(), ModelFixture.SETTINGS, trained.classCount());
        ModelStore.save(untrained, file);
        float[] batch = firstImages(SAMPLE_COUNT);

        ModelStore.save(trained, file);

        assertThat(ModelStore.load(file).predict(batch, SAMPLE_COUNT))
                .containsExactly(trained.predict(batch, SAMPLE_COUNT), within(TOLERANCE));
    }

    @Test
    void overwriteLeavesNoTempFiles() throws IOException {
        Path file = folder.resolve(MODEL_NAME);

        ModelStore.save(trained, file);
        ModelStore.save(trained, file);

        assertThat(fileNames(folder)).containsExactly(MODEL_NAME);
    }

    @Test
    void saveCreatesMissingFolders() {
        Path file = folder.resolve("runs").resolve("monday").resolve(MODEL_NAME);

        ModelStore.save(trained, file);

        assertThat(file).isRegularFile();
    }

    @Test
    void savedFileHasDefaultPermissions() throws IOException {
        Path file = folder.resolve(MODEL_NAME);
        Path plain = Files.createFile(folder.resolve("plain.txt"));

        ModelStore.save(trained, file);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void folderIsFileFailsSave() throws IOException {
        Path notFolder = Files.writeString(folder.resolve("notes.txt"), "not a folder");
        Path target = notFolder.resolve(MODEL_NAME);

        EngineException failure = catchThrowableOfType(EngineException.class, () -> ModelStore.save(trained, target));

        assertThat(failure).isNotNull();
        assertThat(failure.userMessage().key()).isEqualTo("error.model.saveFailed");
        assertThat(failure.userMessage().arguments().get(0)).isEqualTo(target.toAbsolutePath());
        assertThat(Files.readString(notFolder)).isEqualTo("not a folder");
    }

    @Test
    void failedWriteKeepsOldFile() throws IOException {
        Path file = folder.resolve(MODEL_NAME);
        ModelStore.save(trained, file);
        byte[] before = Files.readAllBytes(file);
        TrainableNetwork diskFull = new TrainableNetwork(
                trained.spec(), ModelFixture.SETTINGS, new DiskFullBackend(), TrainingHistory.EMPTY);

        EngineException failure = catchThrowableOfType(EngineException.class, () -> ModelStore.save(diskFull, file));

        assertThat(failure).isNotNull();
        assertThat(failure.userMessage().key()).isEqualTo("error.model.saveFailed");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(fileNames(folder)).containsExactly(MODEL_NAME);
    }

    @Test
    void readOnlyFolderKeepsOldFile() throws IOException {
        Path locked = Files.createDirectory(folder.resolve("locked"));
        Path file = locked.resolve(MODEL_NAME);
        ModelStore.save(trained, file);
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "root and some file systems ignore read-only folders");

            EngineException failure = catchThrowableOfType(EngineException.class, () -> ModelStore.save(trained, file));

            assertThat(failure).isNotNull();
            assertThat(failure.userMessage().key()).isEqualTo("error.model.saveFailed");
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            assertThat(fileNames(locked)).containsExactly(MODEL_NAME);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedFiles")
    void damagedFileIsRejected(DamagedFile damaged) throws IOException {
        Path file = Files.write(folder.resolve("damaged.ddmodel"), damaged.damage().apply(savedBytes.clone()));

        EngineException failure = catchThrowableOfType(EngineException.class, () -> ModelStore.load(file));

        assertThat(failure).isNotNull();
        assertThat(failure.userMessage().key()).isEqualTo(damaged.key());
        assertThat(failure.userMessage().arguments().get(0)).isEqualTo("damaged.ddmodel");
    }

    @Test
    void missingEntryIsNamed() throws IOException {
        byte[] withoutWeights = withEntries(savedBytes, entries -> entries.remove("weights.zip"));
        Path file = Files.write(folder.resolve(MODEL_NAME), withoutWeights);

        Message message = catchThrowableOfType(EngineException.class, () -> ModelStore.load(file)).userMessage();

        assertThat(message.arguments()).containsExactly(MODEL_NAME, "weights.zip");
    }

    @Test
    void newerVersionNamesBothVersions() throws IOException {
        Path file = Files.write(folder.resolve(MODEL_NAME), withManifest(savedBytes, manifest(99)));

        Message message = catchThrowableOfType(EngineException.class, () -> ModelStore.load(file)).userMessage();

        assertThat(message.arguments()).containsExactly(MODEL_NAME, 99, ModelStore.VERSION);
    }

    @Test
    void missingFileFailsRead() {
        Path file = folder.resolve("absent.ddmodel");

        EngineException failure = catchThrowableOfType(EngineException.class, () -> ModelStore.load(file));

        assertThat(failure).isNotNull();
        assertThat(failure.userMessage().key()).isEqualTo("error.model.readFailed");
    }

    @Test
    void versionOneFixtureLoads() throws IOException, URISyntaxException {
        URL resource = ModelStoreTest.class.getResource(ModelFixture.VERSION_1_RESOURCE);
        assertThat(resource).isNotNull();

        TrainableNetwork loaded = ModelStore.load(Path.of(resource.toURI()));

        assertThat(loaded.spec()).isEqualTo(TrainerTest.softmaxRegression());
        assertThat(loaded.settings()).isEqualTo(ModelFixture.SETTINGS);
        assertThat(loaded.history().epochs()).hasSize(1);
    }

    @Test
    void versionOneFixturePredictsSeven() throws URISyntaxException {
        URL resource = ModelStoreTest.class.getResource(ModelFixture.VERSION_1_RESOURCE);
        assertThat(resource).isNotNull();
        TrainableNetwork loaded = ModelStore.load(Path.of(resource.toURI()));

        float[] probabilities = loaded.predict(images.image(0));

        // The first image of the MNIST test split is a 7, and the fixture was trained on it.
        assertThat(images.labels()[0]).isEqualTo(7);
        assertThat(argMax(probabilities)).isEqualTo(7);
    }

    private static float[] firstImages(int count) {
        float[] batch = new float[count * images.sampleSize()];
        for (int i = 0; i < count; i++) {
            images.copyImage(i, batch, i * images.sampleSize());
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

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String manifest(int version) {
        return "{\"format\":\"deepdesk-model\",\"version\":" + version + ",\"classCount\":10,\"backend\":\"deeplearning4j\"}";
    }

    /** Returns a copy whose first entry name has a lone UTF-8 continuation byte, at offset 30 of a zip's first header. */
    private static byte[] withInvalidFirstName(byte[] model) {
        byte[] damaged = model.clone();
        damaged[30 + 7] = (byte) 0xB6;
        return damaged;
    }

    private static byte[] withNetwork(byte[] model, UnaryOperator<String> edit) {
        return withEntries(model, entries -> entries.put("network.json",
                utf8(edit.apply(new String(entries.get("network.json"), StandardCharsets.UTF_8)))));
    }

    private static byte[] withManifest(byte[] model, String manifest) {
        return withEntries(model, entries -> entries.put("manifest.json", utf8(manifest)));
    }

    /** Returns a copy of a model zip after {@code change} has edited its entries by name. */
    private static byte[] withEntries(byte[] model, EntryChange change) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream input = new ZipInputStream(new ByteArrayInputStream(model))) {
            for (ZipEntry entry = input.getNextEntry(); entry != null; entry = input.getNextEntry()) {
                entries.put(entry.getName(), input.readAllBytes());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        change.apply(entries);
        return zip(entries);
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream output = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                output.putNextEntry(new ZipEntry(entry.getKey()));
                output.write(entry.getValue());
                output.closeEntry();
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** An edit of a model zip's entries, keyed by entry name. */
    @FunctionalInterface
    private interface EntryChange {
        void apply(Map<String, byte[]> entries);
    }

    /** A backend whose weights cannot be written, as when the disk fills up during a save. */
    private static final class DiskFullBackend implements NetworkBackend {

        @Override
        public BatchResult trainBatch(float[] features, int[] labels, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void loadWeights(NetworkSpec spec, List<LayerWeights> weights) {
            throw new UnsupportedOperationException();
        }

        @Override
        public float[] predict(float[] features, int count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int classCount() {
            return 10;
        }

        @Override
        public Backend kind() {
            return Backend.NATIVE;
        }

        @Override
        public void applySettings(TrainingSettings settings) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setLearningRate(double learningRate) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeWeights(OutputStream output) throws IOException {
            output.write(new byte[1024]);
            throw new IOException("No space left on device");
        }

        @Override
        public void restoreWeights(byte[] weights) {
            throw new UnsupportedOperationException();
        }
    }
}
