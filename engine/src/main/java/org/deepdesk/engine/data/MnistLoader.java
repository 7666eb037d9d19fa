package org.deepdesk.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an MNIST split from a folder of the standard IDX files, raw or gzipped: for example
 * {@code t10k-images-idx3-ubyte.gz} and {@code t10k-labels-idx1-ubyte} for the test split.
 */
public final class MnistLoader {

    private static final Logger LOG = LoggerFactory.getLogger(MnistLoader.class);

    public static final int CLASS_COUNT = 10;

    private static final String GZIP_SUFFIX = ".gz";

    private MnistLoader() {
    }

    /**
     * Loads one split as single-channel images with labels 0 to 9.
     *
     * @throws EngineException when the folder or a file is missing, a file is damaged, or the
     *     image and label files do not belong together
     */
    public static ImageDataset load(Path folder, MnistSplit split) {
        if (!Files.isDirectory(folder)) {
            throw new EngineException(Message.of("error.mnist.folderNotFound", folder));
        }
        Optional<Path> imagesFile = findFile(folder, split.imagesFileName());
        Optional<Path> labelsFile = findFile(folder, split.labelsFileName());
        if (imagesFile.isEmpty() || labelsFile.isEmpty()) {
            List<String> missing = new ArrayList<>();
            if (imagesFile.isEmpty()) {
                missing.add(split.imagesFileName());
            }
            if (labelsFile.isEmpty()) {
                missing.add(split.labelsFileName());
            }
            throw new EngineException(Message.of("error.mnist.missingFiles", folder, String.join(", ", missing)));
        }

        IdxData images = IdxReader.read(imagesFile.get());
        if (images.dimensionCount() != 3) {
            throw new EngineException(Message.of("error.mnist.imagesNot3d",
                    imagesFile.get(), images.describeDimensions()));
        }
        IdxData labels = IdxReader.read(labelsFile.get());
        if (labels.dimensionCount() != 1) {
            throw new EngineException(Message.of("error.mnist.labelsNot1d",
                    labelsFile.get(), labels.describeDimensions()));
        }
        if (images.dimension(0) != labels.dimension(0)) {
            throw new EngineException(Message.of("error.mnist.countMismatch",
                    imagesFile.get(), images.dimension(0), labelsFile.get(), labels.dimension(0)));
        }

        int[] labelValues = checkedLabels(labels, labelsFile.get());
        ImageShape shape = new ImageShape(images.dimension(1), images.dimension(2), 1);
        ImageDataset dataset = new ImageDataset(split.datasetName(), shape, images.data(), labelValues, CLASS_COUNT);
        LOG.info("Loaded {} from {}: {} images of {}", dataset.name(), folder, dataset.size(), shape);
        return dataset;
    }

    /** Checks whether {@code folder} contains all four MNIST files, raw or gzipped. */
    public static boolean hasAllFiles(Path folder) {
        for (MnistSplit split : MnistSplit.values()) {
            boolean hasImages = findFile(folder, split.imagesFileName()).isPresent();
            boolean hasLabels = findFile(folder, split.labelsFileName()).isPresent();
            if (!hasImages || !hasLabels) {
                return false;
            }
        }
        return true;
    }

    /** Finds {@code baseName} or {@code baseName.gz}, preferring the raw file when both exist. */
    static Optional<Path> findFile(Path folder, String baseName) {
        Path raw = folder.resolve(baseName);
        if (Files.isRegularFile(raw)) {
            return Optional.of(raw);
        }
        Path gzip = folder.resolve(baseName + GZIP_SUFFIX);
        if (Files.isRegularFile(gzip)) {
            return Optional.of(gzip);
        }
        return Optional.empty();
    }

    private static int[] checkedLabels(IdxData labels, Path file) {
        byte[] data = labels.data();
        int[] values = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            values[i] = data[i] & 0xFF;
            if (values[i] >= CLASS_COUNT) {
                throw new EngineException(Message.of("error.mnist.labelOutOfRange", file, values[i], i + 1));
            }
        }
        return values;
    }
}
