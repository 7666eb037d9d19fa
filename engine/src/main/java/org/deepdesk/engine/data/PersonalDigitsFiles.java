package org.deepdesk.engine.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.time.format.DateTimeFormatter;
import java.time.LocalDateTime;
import java.util.zip.GZIPOutputStream;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores {@link PersonalDigits} in a folder as a gzipped IDX pair in the MNIST layout, so other
 * tools read them as they read MNIST. Each file is written to a temporary file and moved over the
 * old one, so a crash leaves either the old or the new file, never a partial one.
 */
public final class PersonalDigitsFiles {

    public static final String IMAGES_FILE = "images-idx3-ubyte.gz";
    public static final String LABELS_FILE = "labels-idx1-ubyte.gz";
    /** The name start of the subfolders that {@link #backup} writes. */
    public static final String BACKUP_PREFIX = "replaced-";

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDigitsFiles.class);
    private static final int UNSIGNED_BYTE = 0x08;

    private PersonalDigitsFiles() {
    }

    /**
     * Reads the digits saved in {@code folder}; a folder with neither file contains no digits.
     *
     * @throws EngineException when one file is missing or damaged, or the files do not belong together
     */
    public static PersonalDigits load(Path folder) {
        Path imagesFile = folder.resolve(IMAGES_FILE);
        Path labelsFile = folder.resolve(LABELS_FILE);
        boolean hasImages = Files.isRegularFile(imagesFile);
        boolean hasLabels = Files.isRegularFile(labelsFile);
        if (!hasImages && !hasLabels) {
            return PersonalDigits.empty();
        }
        if (!hasImages || !hasLabels) {
            throw new EngineException(Message.of("error.handwriting.missingFile", hasImages ? labelsFile : imagesFile, folder));
        }

        IdxData images = IdxReader.read(imagesFile);
        IdxData labels = IdxReader.read(labelsFile);
        boolean digitImages = images.dimensionCount() == 3
                && images.dimension(1) == ImageShape.MNIST.height() && images.dimension(2) == ImageShape.MNIST.width();
        if (!digitImages) {
            throw new EngineException(Message.of("error.handwriting.notDigits", imagesFile, images.describeDimensions()));
        }
        if (labels.dimensionCount() != 1 || labels.dimension(0) != images.dimension(0)) {
            throw new EngineException(Message.of("error.handwriting.countMismatch",
                    imagesFile, images.dimension(0), labelsFile, labels.describeDimensions()));
        }

        int[] labelValues = new int[labels.dimension(0)];
        for (int i = 0; i < labelValues.length; i++) {
            labelValues[i] = labels.data()[i] & 0xFF;
            if (labelValues[i] >= PersonalDigits.CLASS_COUNT) {
                throw new EngineException(Message.of("error.handwriting.labelOutOfRange", labelsFile, labelValues[i], i + 1));
            }
        }
        PersonalDigits digits = PersonalDigits.of(new ImageDataset(PersonalDigits.NAME, ImageShape.MNIST,
                images.data(), labelValues, PersonalDigits.CLASS_COUNT));
        LOG.info("Loaded {} personal digits from {}", digits.size(), folder);
        return digits;
    }

    /**
     * Writes {@code digits} into {@code folder}, creating it when needed. No digits delete both
     * files, because an IDX file cannot declare a dimension of size 0.
     *
     * @throws EngineException when a file cannot be written
     */
    public static void save(PersonalDigits digits, Path folder) {
        Path imagesFile = folder.resolve(IMAGES_FILE);
        Path labelsFile = folder.resolve(LABELS_FILE);
        try {
            Files.createDirectories(folder);
            if (digits.isEmpty()) {
                Files.deleteIfExists(labelsFile);
                Files.deleteIfExists(imagesFile);
                LOG.info("Removed the personal digits in {}", folder);
                return;
            }
            ImageDataset dataset = digits.asDataset();
            byte[] labels = new byte[dataset.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (byte) dataset.labels()[i];
            }
            // NOTE: the two moves are not one atomic step. A crash between them leaves files whose
            // counts differ, which load reports as countMismatch instead of reading wrong labels.
            writeAtomically(imagesFile, new int[] {dataset.size(), ImageShape.MNIST.height(), ImageShape.MNIST.width()},
                    dataset.pixels());
            writeAtomically(labelsFile, new int[] {dataset.size()}, labels);
            LOG.info("Saved {} personal digits to {}", digits.size(), folder);
        } catch (IOException failed) {
            throw new EngineException(Message.of("error.handwriting.saveFailed", folder), failed);
        }
    }

    /**
     * Saves {@code digits} into a new subfolder {@code replaced-<time>} of {@code folder}, so that
     * digits drawn outside any project survive when an opened project's digits replace them.
     *
     * @return the backup folder
     * @throws EngineException when the copy cannot be written
     */
    public static Path backup(PersonalDigits digits, Path folder) {
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT));
        Path target = folder.resolve(BACKUP_PREFIX + time);
        save(digits, target);
        LOG.info("Kept {} personal digits of {} in {} before replacing them", digits.size(), folder, target);
        return target;
    }

    private static void writeAtomically(Path target, int[] dimensions, byte[] data) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temporary);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(file)))) {
                out.writeShort(0);
                out.writeByte(UNSIGNED_BYTE);
                out.writeByte(dimensions.length);
                for (int size : dimensions) {
                    out.writeInt(size);
                }
                out.write(data);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
