package org.deepdesk.engine.project;

import java.io.IOException;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.i18n.Message;

/**
 * Converts the training images of a classroom pack to and from a gzipped IDX pair in the MNIST
 * layout, so the two entries can be unzipped and read by any MNIST reader. Images are stored as
 * {@code [count, height, width]} for grey images and {@code [count, channels, height, width]}
 * otherwise, matching the order of {@link ImageDataset#pixels()}.
 */
final class PackDataset {

    static final String IMAGES = "dataset/train-images-idx3-ubyte.gz";
    static final String LABELS = "dataset/train-labels-idx1-ubyte.gz";

    private PackDataset() {
    }

    static byte[] images(ImageDataset dataset) throws IOException {
        ImageShape shape = dataset.shape();
        int[] dimensions = shape.channels() == 1
                ? new int[] {dataset.size(), shape.height(), shape.width()}
                : new int[] {dataset.size(), shape.channels(), shape.height(), shape.width()};
        return GzipIdx.write(dimensions, dataset.pixels());
    }

    static byte[] labels(ImageDataset dataset) throws IOException {
        byte[] labels = new byte[dataset.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) dataset.labels()[i];
        }
        return GzipIdx.write(new int[] {labels.length}, labels);
    }

    /**
     * Reads the images and labels back.
     *
     * @param file the project file's name, for messages
     * @throws EngineException naming the file and the entry when either entry is damaged or they do not match
     */
    static ImageDataset read(byte[] images, byte[] labels, int classCount, String name, String file) {
        GzipIdx.Content imageIdx = parse(images, IMAGES, file);
        GzipIdx.Content labelIdx = parse(labels, LABELS, file);
        int[] size = imageIdx.dimensions();
        boolean validImages = (size.length == 3 || size.length == 4) && imageIdx.data().length == GzipIdx.product(size);
        if (!validImages) {
            throw damaged(file, IMAGES, null);
        }
        int count = size[0];
        if (labelIdx.dimensions().length != 1 || labelIdx.dimensions()[0] != count || labelIdx.data().length != count) {
            throw damaged(file, LABELS, null);
        }

        int[] labelValues = new int[count];
        for (int i = 0; i < count; i++) {
            labelValues[i] = labelIdx.data()[i] & 0xFF;
            if (labelValues[i] >= classCount) {
                throw damaged(file, LABELS, null);
            }
        }
        ImageShape shape = size.length == 3
                ? new ImageShape(size[1], size[2], 1)
                : new ImageShape(size[2], size[3], size[1]);
        return new ImageDataset(name, shape, imageIdx.data(), labelValues, classCount);
    }

    private static GzipIdx.Content parse(byte[] content, String entry, String file) {
        try {
            return GzipIdx.read(content);
        } catch (IOException broken) {
            // Inflating bytes in memory fails only on damaged content: a bad gzip stream or one cut short.
            throw damaged(file, entry, broken);
        }
    }

    private static EngineException damaged(String file, String entry, Exception cause) {
        return new EngineException(Message.of("error.project.invalidDataset", file, entry), cause);
    }
}
