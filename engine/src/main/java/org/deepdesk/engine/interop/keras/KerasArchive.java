package org.deepdesk.engine.interop.keras;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
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
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.IdComponent;
import org.bytedeco.hdf5.global.hdf5;
import org.bytedeco.javacpp.PointerScope;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a Keras HDF5 model file ({@code model.save("model.h5")}) that an import needs: the
 * model configuration, the Keras version and each layer's weights, read with Deeplearning4j's
 * {@link Hdf5Archive}.
 *
 * <p>Keras 2 stores a layer's weights as datasets such as {@code kernel:0} somewhere below the
 * group {@code model_weights/<layer name>}; the nesting differs between Keras versions, so the
 * whole group is searched.
 *
 * <p>Every HDF5 call holds Deeplearning4j's HDF5 lock and runs in a JavaCPP {@link PointerScope}.
 * When a call fails on a damaged file, {@link Hdf5Archive} leaves groups and datasets open. Without
 * the scope JavaCPP would close them later on its deallocator thread, concurrently with the next
 * HDF5 call, and the HDF5 library, which is not thread-safe, would abort the JVM.
 */
final class KerasArchive implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KerasArchive.class);
    private static final String WEIGHTS_ROOT = "model_weights";
    /**
     * The deepest group below a layer's group that is searched for weights. Keras 2 nests them one
     * or two levels deep, and the limit stops the search in files whose links form a cycle.
     */
    private static final int MAX_WEIGHT_DEPTH = 4;
    /** The maximum number of values in one weight array: 2^28 floats (1 GiB), far above any DeepDesk layer. */
    static final long MAX_WEIGHT_VALUES = 1L << 28;
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    static {
        // HDF5 prints its error stack to stderr before JavaCPP rethrows it; the message to the user names the file instead.
        org.bytedeco.hdf5.Exception.dontPrint();
    }

    private final Hdf5Archive archive;
    /**
     * A second handle on the same file for what {@link Hdf5Archive} does not expose: the shape of a
     * dataset, which must be known before reading it, because Deeplearning4j sizes its read buffer
     * with an int product of the dimensions that overflows for a huge declared shape.
     */
    private final H5File shapes;
    private final String fileName;

    private KerasArchive(Hdf5Archive archive, H5File shapes, String fileName) {
        this.archive = archive;
        this.shapes = shapes;
        this.fileName = fileName;
    }

    /** A weight dataset found below a layer's group, not read yet. */
    record StoredWeight(List<String> groups, String dataset, long[] shape) {

        long valueCount() {
            long count = 1;
            for (long size : shape) {
                count = size > 0 && count <= MAX_WEIGHT_VALUES ? count * size : MAX_WEIGHT_VALUES + 1;
            }
            return count;
        }
    }

    /**
     * Opens a Keras HDF5 file for reading.
     *
     * @throws EngineException naming the file when it is missing, a Keras 3 {@code .keras} zip,
     *     or not an HDF5 file
     */
    static KerasArchive open(Path file) {
        String name = file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new EngineException(Message.of("error.keras.isDirectory", name));
        }
        byte[] start = readStart(file, name);
        if (startsWith(start, ZIP_SIGNATURE)) {
            throw new EngineException(Message.of("error.keras.kerasFormat", name));
        }
        if (!startsWith(start, HDF5_SIGNATURE) && !hasSignatureAfterUserBlock(file, name)) {
            throw new EngineException(Message.of("error.keras.notHdf5", name));
        }
        String path = file.toAbsolutePath().toString();
        Hdf5Archive archive = null;
        try {
            archive = new Hdf5Archive(path);
            synchronized (Hdf5Archive.LOCK_OBJECT) {
                return new KerasArchive(archive, new H5File(path, hdf5.H5F_ACC_RDONLY()), name);
            }
        } catch (RuntimeException failed) {
            if (archive != null) {
                archive.close();
            }
            // The HDF5 library reports a damaged file as a C++ exception, which JavaCPP rethrows unchecked.
            throw damaged(name, failed);
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
        return hdf5(() -> {
            if (!archive.hasAttribute("keras_version")) {
                return Optional.<String>empty();
            }
            // Deeplearning4j reads this attribute with a fixed buffer; 16 bytes hold any version number.
            return Optional.of(archive.readAttributeAsFixedLengthString("keras_version", 16).replace("\u0000", "").trim());
        });
    }

    /**
     * Finds the weights of one layer by their short name ({@code kernel}, {@code bias},
     * {@code gamma}, {@code moving_mean}, ...) with their shapes, without reading them. The map is
     * empty when the file has no group for the layer.
     */
    Map<String, StoredWeight> layerWeights(String layerName) {
        return hdf5(() -> {
            Map<String, StoredWeight> weights = new LinkedHashMap<>();
            // h5py turns a '/' in a layer name into nested groups, so the name is followed level by level.
            List<String> path = new ArrayList<>();
            for (String name : (WEIGHTS_ROOT + "/" + layerName).split("/")) {
                if (!archive.getGroups(path.toArray(String[]::new)).contains(name)) {
                    return weights;
                }
                path.add(name);
            }
            collect(path, 0, weights);
            return weights;
        });
    }

    /** Reads a weight array whose shape the caller has checked. */
    INDArray read(StoredWeight weight) {
        return hdf5(() -> archive.readDataSet(weight.dataset(), weight.groups().toArray(String[]::new)));
    }

    private void collect(List<String> path, int depth, Map<String, StoredWeight> weights) {
        String[] groups = path.toArray(String[]::new);
        for (String dataset : archive.getDataSets(groups)) {
            weights.put(shortName(dataset), new StoredWeight(path, dataset, shape(path, dataset)));
        }
        if (depth == MAX_WEIGHT_DEPTH) {
            return;
        }
        for (String group : archive.getGroups(groups)) {
            List<String> child = new ArrayList<>(path);
            child.add(group);
            collect(child, depth + 1, weights);
        }
    }

    /** Returns a dataset's dimensions, none for a scalar. Called inside {@link #hdf5}, which closes what it opens. */
    private long[] shape(List<String> path, String dataset) {
        Group group = shapes;
        for (String name : path) {
            group = group.openGroup(name);
        }
        DataSet data = group.openDataSet(dataset);
        DataSpace space = data.getSpace();
        long[] dims = new long[space.getSimpleExtentNdims()];
        space.getSimpleExtentDims(dims);
        return dims;
    }

    /** Turns {@code kernel:0} into {@code kernel}. */
    private static String shortName(String dataset) {
        int colon = dataset.lastIndexOf(':');
        return colon < 0 ? dataset : dataset.substring(0, colon);
    }

    private Optional<String> jsonAttribute(String name) {
        return hdf5(() -> {
            if (!archive.hasAttribute(name)) {
                return Optional.<String>empty();
            }
            try {
                return Optional.of(archive.readAttributeAsJson(name).replace("\u0000", "").trim());
            } catch (UnsupportedKerasConfigurationException notJson) {
                // Deeplearning4j grows its buffer until the text parses as JSON, and gives up at 256 MB.
                throw new EngineException(Message.of("error.keras.invalidJson", fileName, name), notJson);
            }
        });
    }

    /**
     * Runs HDF5 calls under Deeplearning4j's HDF5 lock, closes every HDF5 object they leave open,
     * and reports a failure as the file being unreadable.
     */
    private <T> T hdf5(Hdf5Call<T> call) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (PointerScope opened = new PointerScope(IdComponent.class)) {
                return call.run();
            } catch (EngineException explained) {
                throw explained;
            } catch (UnsupportedKerasConfigurationException | RuntimeException unreadable) {
                throw damaged(fileName, unreadable);
            }
        }
    }

    @FunctionalInterface
    private interface Hdf5Call<T> {
        T run() throws UnsupportedKerasConfigurationException;
    }

    /** Logs what the HDF5 library or Deeplearning4j reported, and returns a message without it, which would mean nothing to a student. */
    private static EngineException damaged(String fileName, Exception cause) {
        LOG.warn("Reading the Keras file {} failed", fileName, cause);
        return new EngineException(Message.of("error.keras.damaged", fileName), cause);
    }

    private static byte[] readStart(Path file, String name) {
        try (InputStream input = Files.newInputStream(file)) {
            return input.readNBytes(HDF5_SIGNATURE.length);
        } catch (AccessDeniedException denied) {
            throw new EngineException(Message.of("error.keras.accessDenied", name), denied);
        } catch (IOException failed) {
            throw new EngineException(Message.of("error.keras.readFailed", name, EngineException.describe(failed)), failed);
        }
    }

    /**
     * Looks for the HDF5 signature after a user block: HDF5 files may start with one of 512, 1024,
     * 2048, ... bytes (h5py's {@code userblock_size}, or the h5jam tool), and the superblock follows it.
     */
    private static boolean hasSignatureAfterUserBlock(Path file, String name) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            for (long offset = 512; offset + HDF5_SIGNATURE.length <= size; offset *= 2) {
                ByteBuffer found = ByteBuffer.allocate(HDF5_SIGNATURE.length);
                channel.position(offset);
                // A regular file returns all 8 bytes in one read; a short read simply does not match.
                channel.read(found);
                if (Arrays.equals(found.array(), HDF5_SIGNATURE)) {
                    return true;
                }
            }
            return false;
        } catch (IOException failed) {
            throw new EngineException(Message.of("error.keras.readFailed", name, EngineException.describe(failed)), failed);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public void close() {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            shapes.deallocate();
        }
        archive.close();
    }
}
