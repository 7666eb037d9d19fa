package org.deepdesk.engine.project;

import java.io.IOException;
import java.util.Map;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.PersonalDigits;
import org.deepdesk.engine.data.PersonalDigitsFiles;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.i18n.Message;

/**
 * Converts the user's {@link PersonalDigits} to and from two zip entries of a project: a gzipped
 * IDX pair named as {@link PersonalDigitsFiles} names the per-user files, in the folder
 * {@code handwriting/}, so the entries can be unzipped and read as that folder.
 */
final class HandwritingEntries {

    static final String IMAGES = "handwriting/" + PersonalDigitsFiles.IMAGES_FILE;
    static final String LABELS = "handwriting/" + PersonalDigitsFiles.LABELS_FILE;

    private HandwritingEntries() {
    }

    /** Returns whether the entries of a project file contain either handwriting entry. */
    static boolean present(Map<String, byte[]> entries) {
        return entries.containsKey(IMAGES) || entries.containsKey(LABELS);
    }

    static byte[] images(PersonalDigits digits) throws IOException {
        int[] dimensions = {digits.size(), ImageShape.MNIST.height(), ImageShape.MNIST.width()};
        return GzipIdx.write(dimensions, digits.asDataset().pixels());
    }

    static byte[] labels(PersonalDigits digits) throws IOException {
        byte[] labels = new byte[digits.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) digits.label(i);
        }
        return GzipIdx.write(new int[] {labels.length}, labels);
    }

    /**
     * Reads the digits back from the entries of a project file.
     *
     * @param file the project file's name, for messages
     * @throws EngineException with {@code error.project.invalidHandwriting}, naming the file, the
     *     entry and what is wrong with it, when an entry is missing, damaged, or does not match the other
     */
    static PersonalDigits read(Map<String, byte[]> entries, String file) {
        byte[] imageBytes = requireEntry(entries, IMAGES, LABELS, file);
        byte[] labelBytes = requireEntry(entries, LABELS, IMAGES, file);
        GzipIdx.Content images = parse(imageBytes, IMAGES, file);
        GzipIdx.Content labels = parse(labelBytes, LABELS, file);

        int[] size = images.dimensions();
        boolean digitImages = size.length == 3
                && size[1] == ImageShape.MNIST.height() && size[2] == ImageShape.MNIST.width()
                && images.data().length == GzipIdx.product(size);
        if (!digitImages) {
            throw invalid(file, IMAGES, Message.of("error.project.handwriting.notDigits", describe(size)));
        }
        int count = size[0];
        if (labels.dimensions().length != 1 || labels.data().length != labels.dimensions()[0]) {
            throw invalid(file, LABELS, Message.of("error.project.handwriting.notIdx"));
        }
        if (labels.dimensions()[0] != count) {
            throw invalid(file, LABELS, Message.of("error.project.handwriting.countMismatch", count, labels.dimensions()[0]));
        }

        int[] labelValues = new int[count];
        for (int i = 0; i < count; i++) {
            labelValues[i] = labels.data()[i] & 0xFF;
            if (labelValues[i] >= PersonalDigits.CLASS_COUNT) {
                throw invalid(file, LABELS, Message.of("error.project.handwriting.labelOutOfRange", labelValues[i], i + 1));
            }
        }
        return PersonalDigits.of(new ImageDataset(PersonalDigits.NAME, ImageShape.MNIST, images.data(), labelValues,
                PersonalDigits.CLASS_COUNT));
    }

    private static byte[] requireEntry(Map<String, byte[]> entries, String entry, String other, String file) {
        byte[] content = entries.get(entry);
        if (content == null) {
            throw invalid(file, entry, Message.of("error.project.handwriting.missing", other));
        }
        return content;
    }

    private static GzipIdx.Content parse(byte[] content, String entry, String file) {
        try {
            return GzipIdx.read(content);
        } catch (GzipIdx.MalformedException malformed) {
            throw new EngineException(invalidMessage(file, entry, Message.of("error.project.handwriting.notIdx")), malformed);
        } catch (IOException broken) {
            // Inflating bytes in memory fails only on damaged content: a bad gzip stream or one cut short.
            throw new EngineException(invalidMessage(file, entry, Message.of("error.project.handwriting.damagedGzip")), broken);
        }
    }

    private static String describe(int[] dimensions) {
        StringBuilder text = new StringBuilder();
        for (int size : dimensions) {
            text.append(text.isEmpty() ? "" : "x").append(size);
        }
        return text.toString();
    }

    private static EngineException invalid(String file, String entry, Message reason) {
        return new EngineException(invalidMessage(file, entry, reason));
    }

    private static Message invalidMessage(String file, String entry, Message reason) {
        return Message.of("error.project.invalidHandwriting", file, entry, reason);
    }
}
