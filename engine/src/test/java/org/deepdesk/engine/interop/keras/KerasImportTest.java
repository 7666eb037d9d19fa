package org.deepdesk.engine.interop.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bytedeco.hdf5.global.hdf5;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.ActivationSpec;
import org.deepdesk.engine.spec.AvgPool2DSpec;
import org.deepdesk.engine.spec.BatchNormSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.Padding;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.Backend;
import org.deepdesk.engine.train.ModelStore;
import org.deepdesk.engine.train.StopSignal;
import org.deepdesk.engine.train.Trainer;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.engine.train.TrainingListener;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Imports the Keras HDF5 fixtures that {@code make_fixtures.py} wrote beside them, and compares
 * the predictions with the outputs numpy computed from the same weights.
 */
class KerasImportTest {

    private static final double TOLERANCE = 1e-4;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void smallCnnPredictsAsKeras(Backend backend) throws Exception {
        ImportedModel imported = KerasImport.importModel(fixture("small-cnn.h5"), backend);

        assertEquals(new ImageShape(28, 28, 1), imported.network().spec().input());
        assertEquals(List.of(
                new Conv2DSpec(4, 3, 1, Padding.VALID, Activation.RELU),
                new MaxPool2DSpec(2, 2),
                new Conv2DSpec(6, 3, 1, Padding.SAME, Activation.TANH),
                new AvgPool2DSpec(2, 2),
                new FlattenSpec(),
                new DenseSpec(16, Activation.RELU),
                new DenseSpec(10, Activation.SOFTMAX)), imported.network().spec().layers());
        assertEquals("2.4.0", imported.kerasVersion());
        assertTrue(imported.notices().isEmpty());
        assertPredictsExpected(imported.network(), "small-cnn-expected.json");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void mlpWithBatchNormPredictsAsKeras(Backend backend) throws Exception {
        ImportedModel imported = KerasImport.importModel(fixture("small-mlp.h5"), backend);

        assertEquals(new ImageShape(28, 28, 1), imported.network().spec().input());
        assertEquals(List.of(
                new FlattenSpec(),
                new DenseSpec(32, Activation.LINEAR),
                new BatchNormSpec(),
                new ActivationSpec(Activation.SIGMOID),
                new DropoutSpec(0.25),
                new DenseSpec(10, Activation.SOFTMAX)), imported.network().spec().layers());
        assertPredictsExpected(imported.network(), "small-mlp-expected.json");
    }

    @Test
    void logitsModelGetsSoftmaxAndNotice() throws Exception {
        ImportedModel imported = KerasImport.importModel(fixture("logits.h5"));

        assertEquals(new ImageShape(4, 4, 1), imported.network().spec().input());
        assertEquals(new DenseSpec(3, Activation.SOFTMAX), imported.network().spec().layers().get(1));
        assertEquals(1, imported.notices().size());
        assertEquals("notice.keras.softmaxAdded", imported.notices().get(0).key());
        assertPredictsExpected(imported.network(), "logits-expected.json");
    }

    @Test
    void trainingConfigSetsOptimizer() throws Exception {
        ImportedModel imported = KerasImport.importModel(fixture("small-cnn.h5"));

        assertEquals(Optimizer.ADAM, imported.network().settings().optimizer());
        assertEquals(0.002, imported.network().settings().learningRate(), 1e-12);
    }

    /** Checks the fixture itself: Deeplearning4j's own Keras import must read it and agree with numpy. */
    @Test
    void fixtureReadsWithDeeplearning4jImport() throws Exception {
        MultiLayerNetwork reference = KerasModelImport.importKerasSequentialModelAndWeights(
                fixture("small-cnn.h5").toString(), false);
        Expected expected = expected("small-cnn-expected.json");

        for (int sample = 0; sample < expected.inputs().length; sample++) {
            INDArray input = Nd4j.create(expected.inputs()[sample], new long[] {1, 28, 28, 1}, 'c');
            float[] output = reference.output(input, false).toFloatVector();
            assertClose(expected.outputs()[sample], output, sample);
        }
    }

    @Test
    void importedModelFineTunesAndSaves() throws Exception {
        TrainableNetwork network = KerasImport.importModel(fixture("small-cnn.h5")).network();
        ImageDataset images = syntheticDigits(64);
        double before = network.evaluate(images).meanLoss();

        Trainer.run(network, images, network.settings().withEpochs(3).withBatchSize(16).withValidationSplit(0),
                TrainingListener.NONE, new StopSignal());
        double after = network.evaluate(images).meanLoss();
        assertTrue(after < before, "loss after fine-tuning " + after + " should be below " + before);

        Path saved = folder.resolve("imported.ddmodel");
        ModelStore.save(network, saved);
        TrainableNetwork reloaded = ModelStore.load(saved);
        float[] image = images.image(0);
        assertClose(network.predict(image), reloaded.predict(image), 0);
    }

    @Test
    void unsupportedLayersAreAllNamed() throws Exception {
        EngineException error = assertThrows(EngineException.class,
                () -> KerasImport.importModel(fixture("unsupported-layers.h5")));

        assertEquals("error.keras.unsupported", error.userMessage().key());
        String english = error.localizedMessage(Locale.ENGLISH);
        assertTrue(english.contains("unsupported-layers.h5"), english);
        assertTrue(english.contains("layer 'conv2d' with activation = \"elu\""), english);
        assertTrue(english.contains("layer 'zero_padding2d' of type ZeroPadding2D"), english);
        assertTrue(english.contains("layer 'global_average_pooling2d' of type GlobalAveragePooling2D"), english);
        String chinese = error.localizedMessage(Messages.SIMPLIFIED_CHINESE);
        assertTrue(chinese.contains("层“zero_padding2d”（类型 ZeroPadding2D）"), chinese);
    }

    @Test
    void transposedKernelIsRejected() throws Exception {
        EngineException error = assertMessage("transposed-kernel.h5", "error.keras.weightsShape");

        String english = error.localizedMessage(Locale.ENGLISH);
        assertTrue(english.contains("'kernel' of layer 'dense'"), english);
        assertTrue(english.contains("shape [3, 16], but the layer needs [16, 3]"), english);
    }

    @Test
    void nanWeightsAreRejected() throws Exception {
        EngineException error = assertMessage("nan-weights.h5", "error.keras.weightsNotFinite");

        assertTrue(error.localizedMessage(Locale.ENGLISH).contains("layer 'dense'"));
    }

    @Test
    void hugeDeclaredWeightsAreRejectedUnread() throws Exception {
        EngineException error = assertMessage("huge-weights.h5", "error.keras.weightsShape");

        assertTrue(error.localizedMessage(Locale.ENGLISH).contains("[131072, 131072]"));
    }

    /**
     * Deeplearning4j leaves groups open when an HDF5 call fails. JavaCPP then closed them on its
     * deallocator thread, concurrently with the next import, and HDF5 aborted the JVM.
     */
    @Test
    void failedReadLeavesNoHdf5ObjectOpen() throws Exception {
        long before = openHdf5Objects();

        assertMessage("external-link.h5", "error.keras.damaged");
        assertEquals(before, openHdf5Objects());
    }

    /** Counts the groups, datasets and attributes open in any HDF5 file of this JVM. */
    private static long openHdf5Objects() {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            return hdf5.H5Fget_obj_count(hdf5.H5F_OBJ_ALL, hdf5.H5F_OBJ_GROUP | hdf5.H5F_OBJ_DATASET | hdf5.H5F_OBJ_ATTR);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void slashInLayerNameFindsWeights(Backend backend) throws Exception {
        ImportedModel imported = KerasImport.importModel(fixture("slash-name.h5"), backend);

        assertPredictsExpected(imported.network(), "slash-name-expected.json");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void oneUnitOutputIsRejected(Backend backend) throws Exception {
        EngineException error = assertThrows(EngineException.class,
                () -> KerasImport.importModel(fixture("one-unit.h5"), backend));

        assertEquals("error.keras.oneClass", error.userMessage().key());
        assertTrue(error.localizedMessage(Locale.ENGLISH).contains("one-unit.h5"));
    }

    @Test
    void functionalModelIsRejected() throws Exception {
        assertMessage("functional.h5", "error.keras.notSequential");
    }

    @Test
    void weightsOnlyFileIsRejected() throws Exception {
        assertMessage("weights-only.h5", "error.keras.noModel");
    }

    @Test
    void textFileIsNotHdf5() throws Exception {
        Path file = folder.resolve("model.h5");
        Files.writeString(file, "<html>Not found</html>");

        EngineException error = assertThrows(EngineException.class, () -> KerasImport.importModel(file));
        assertEquals("error.keras.notHdf5", error.userMessage().key());
        assertTrue(error.localizedMessage(Locale.ENGLISH).contains("model.h5"));
    }

    /** HDF5 allows a user block before the superblock; files with one (h5jam, userblock_size) still import. */
    @Test
    void fileWithUserBlockImports() throws Exception {
        byte[] model = Files.readAllBytes(fixture("small-cnn.h5"));
        byte[] withUserBlock = new byte[512 + model.length];
        System.arraycopy(model, 0, withUserBlock, 512, model.length);
        Path file = folder.resolve("with-user-block.h5");
        Files.write(file, withUserBlock);

        assertPredictsExpected(KerasImport.importModel(file).network(), "small-cnn-expected.json");
    }

    @Test
    void kerasThreeZipIsNamed() throws Exception {
        Path file = folder.resolve("model.keras");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});

        EngineException error = assertThrows(EngineException.class, () -> KerasImport.importModel(file));
        assertEquals("error.keras.kerasFormat", error.userMessage().key());
    }

    @Test
    void truncatedFileGivesReadMessage() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("small-cnn.h5"));
        Path file = folder.resolve("cut.h5");
        Files.write(file, Arrays.copyOf(whole, whole.length / 3));

        EngineException error = assertThrows(EngineException.class, () -> KerasImport.importModel(file));
        assertTrue(List.of("error.keras.damaged", "error.keras.missingWeights", "error.keras.noModel")
                .contains(error.userMessage().key()), error.userMessage().key());
        assertTrue(error.localizedMessage(Locale.ENGLISH).contains("cut.h5"));
    }

    @Test
    void directoryIsNamed() throws Exception {
        Path directory = Files.createDirectory(folder.resolve("saved_model.h5"));

        EngineException error = assertThrows(EngineException.class, () -> KerasImport.importModel(directory));
        assertEquals("error.keras.isDirectory", error.userMessage().key());
        assertTrue(error.localizedMessage(Locale.ENGLISH).contains("saved_model.h5"));
    }

    @Test
    void invalidModelConfigIsNamed() throws Exception {
        EngineException error = assertMessage("invalid-config.h5", "error.keras.invalidJson");

        assertTrue(error.localizedMessage(Locale.ENGLISH).contains("model_config"));
    }

    @Test
    void invalidTrainingConfigKeepsModel() throws Exception {
        ImportedModel imported = KerasImport.importModel(fixture("invalid-training-config.h5"));

        assertEquals(TrainingSettings.defaults(), imported.network().settings());
        assertEquals(List.of("notice.keras.softmaxAdded", "notice.keras.trainingConfigIgnored"),
                imported.notices().stream().map(Message::key).toList());
    }

    @Test
    void missingKerasVersionIsNamed() throws Exception {
        assertMessage("no-keras-version.h5", "error.keras.noKerasVersion");
    }

    @Test
    void missingFileGivesReadMessage() {
        EngineException error = assertThrows(EngineException.class,
                () -> KerasImport.importModel(folder.resolve("absent.h5")));
        assertEquals("error.keras.readFailed", error.userMessage().key());
    }

    private EngineException assertMessage(String fixture, String key) throws Exception {
        EngineException error = assertThrows(EngineException.class, () -> KerasImport.importModel(fixture(fixture)));
        assertEquals(key, error.userMessage().key());
        assertTrue(error.localizedMessage(Locale.ENGLISH).contains(fixture));
        return error;
    }

    private static void assertPredictsExpected(TrainableNetwork network, String expectedFile) throws IOException {
        Expected expected = expected(expectedFile);
        for (int sample = 0; sample < expected.inputs().length; sample++) {
            assertClose(expected.outputs()[sample], network.predict(expected.inputs()[sample]), sample);
        }
    }

    private static void assertClose(float[] expected, float[] actual, int sample) {
        assertEquals(expected.length, actual.length, "classes of sample " + sample);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], TOLERANCE, "sample " + sample + ", class " + k);
        }
    }

    private record Expected(float[][] inputs, float[][] outputs) {
    }

    private static Expected expected(String name) throws IOException {
        try (InputStream input = KerasImportTest.class.getResourceAsStream("/org/deepdesk/engine/interop/keras/" + name)) {
            JsonNode root = MAPPER.readTree(input);
            return new Expected(MAPPER.treeToValue(root.path("inputs"), float[][].class),
                    MAPPER.treeToValue(root.path("outputs"), float[][].class));
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(KerasImportTest.class.getResource("/org/deepdesk/engine/interop/keras/" + name).toURI());
    }

    /** Vertical and horizontal bars labelled 1 and 7, enough for fine-tuning to lower the loss. */
    private static ImageDataset syntheticDigits(int count) {
        Random random = new Random(7);
        byte[] pixels = new byte[count * 784];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            boolean vertical = i % 2 == 0;
            labels[i] = vertical ? 1 : 7;
            int offset = 8 + random.nextInt(12);
            for (int t = 4; t < 24; t++) {
                int row = vertical ? t : offset;
                int column = vertical ? offset : t;
                pixels[i * 784 + row * 28 + column] = (byte) 255;
            }
        }
        return new ImageDataset("bars", ImageShape.MNIST, pixels, labels, 10);
    }
}
