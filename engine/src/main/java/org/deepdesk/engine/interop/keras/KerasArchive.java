package org.deepdesk.engine.interop.keras;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deepdesk.engine.EngineException;
import org.deepdesk.i18n.Message;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parts of a Keras HDF5 model file ({@code model.save("model.h5")}) that an import needs: the
 * model configuration, the Keras version and each layer's weights, read with Deeplearning4j's
 * {@link Hdf5Archive}.
 *
 * <p>Keras 2 stores a layer's weights as datasets such as {@code kernel:0} somewhere below the
 * group {@code model_weights/<layer name>}; the nesting differs between Keras versions, so the
 * whole group is searched.
 */
final class KerasArchive implements AutoCloseable {

    private static final String WEIGHTS_ROOT = "model_weights";
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    static {
        // HDF5 prints its error stack to stderr before JavaCPP rethrows it; the message to the user names the file instead.
        org.bytedeco.hdf5.Exception.dontPrint();
    }

    private final Hdf5Archive archive;
    private final String fileName;

    private KerasArchive(Hdf5Archive archive, String fileName) {
        this.archive = archive;
        this.fileName = fileName;
    }

    /**
     * Opens a Keras HDF5 file for reading.
     *
     * @throws EngineException naming the file when it is missing, a Keras 3 {@code .keras} zip,
     *     or not an HDF5 file
     */
    static KerasArchive open(Path file) {
        String name = file.getFileName().toString();
        byte[] start = readStart(file, name);
        if (startsWith(start, ZIP_SIGNATURE)) {
            throw new EngineException(Message.of("error.keras.kerasFormat", name));
        }
        // NOTE: HDF5 also allows a user block before the signature (at 512, 1024, ... bytes);
        // h5py and Keras never write one, so only offset 0 is checked.
        if (!startsWith(start, HDF5_SIGNATURE)) {
            throw new EngineException(Message.of("error.keras.notHdf5", name));
        }
        try {
            return new KerasArchive(new Hdf5Archive(file.toAbsolutePath().toString()), name);
        } catch (RuntimeException failed) {
            // The HDF5 library reports a damaged file as a C++ exception, which JavaCPP rethrows unchecked.
            throw new EngineException(Message.of("error.keras.readFailed", name, EngineException.describe(failed)), failed);
        }
    }

    /** Returns the JSON of the {@code model_config} attribute, or empty when the file contains weights only. */
    Optional<String> modelConfig() {
        return jsonAttribute("model_config");
    }

    /** Returns the JSON of the {@code training_config} attribute, which files of uncompiled models lack. */
    Optional<String> trainingConfig() {
        return jsonAttribute("training_config");
    }

    /** Returns the {@code keras_version} attribute, such as {@code 2.4.0}, or empty when the file has none. */
    Optional<String> kerasVersion() {
        if (!archive.hasAttribute("keras_version")) {
            return Optional.empty();
        }
        try {
            // Deeplearning4j reads this attribute with a fixed buffer; 16 bytes hold any version number.
            return Optional.of(archive.readAttributeAsFixedLengthString("keras_version", 16).replace("\u0000", "").trim());
        } catch (UnsupportedKerasConfigurationException | RuntimeException unreadable) {
            throw unreadable(unreadable);
        }
    }

    /**
     * Returns the weights of one layer by their short name ({@code kernel}, {@code bias},
     * {@code gamma}, {@code moving_mean}, ...), or an empty map when the file has no group for it.
     */
    Map<String, INDArray> layerWeights(String layerName) {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        if (!archive.getGroups(WEIGHTS_ROOT).contains(layerName)) {
            return weights;
        }
        try {
            collect(List.of(WEIGHTS_ROOT, layerName), weights);
        } catch (UnsupportedKerasConfigurationException | RuntimeException unreadable) {
            throw unreadable(unreadable);
        }
        return weights;
    }

    private void collect(List<String> path, Map<String, INDArray> weights) throws UnsupportedKerasConfigurationException {
        String[] groups = path.toArray(String[]::new);
        for (String dataset : archive.getDataSets(groups)) {
            weights.put(shortName(dataset), archive.readDataSet(dataset, groups));
        }
        for (String group : archive.getGroups(groups)) {
            List<String> child = new ArrayList<>(path);
            child.add(group);
            collect(child, weights);
        }
    }

    /** Turns {@code kernel:0} into {@code kernel}. */
    private static String shortName(String dataset) {
        int colon = dataset.lastIndexOf(':');
        return colon < 0 ? dataset : dataset.substring(0, colon);
    }

    private Optional<String> jsonAttribute(String name) {
        if (!archive.hasAttribute(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(archive.readAttributeAsJson(name).replace("\u0000", "").trim());
        } catch (UnsupportedKerasConfigurationException | RuntimeException unreadable) {
            throw unreadable(unreadable);
        }
    }

    private EngineException unreadable(Exception cause) {
        return new EngineException(Message.of("error.keras.readFailed", fileName, EngineException.describe(cause)), cause);
    }

    private static byte[] readStart(Path file, String name) {
        try (InputStream input = Files.newInputStream(file)) {
            return input.readNBytes(HDF5_SIGNATURE.length);
        } catch (IOException failed) {
            throw new EngineException(Message.of("error.keras.readFailed", name, EngineException.describe(failed)), failed);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public void close() {
        archive.close();
    }
}
