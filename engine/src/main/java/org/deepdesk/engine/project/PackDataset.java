package org.deepdesk.engine.project;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
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

    private static final int UNSIGNED_BYTE = 0x08;

    private PackDataset() {
    }

    static byte[] images(ImageDataset dataset) throws IOException {
        ImageShape shape = dataset.shape();
        int[] dimensions = shape.channels() == 1
                ? new int[] {dataset.size(), shape.height(), shape.width()}
                : new int[] {dataset.size(), shape.channels(), shape.height(), shape.width()};
        return gzipIdx(dimensions, dataset.pixels());
    }

    static byte[] labels(ImageDataset dataset) throws IOException {
        byte[] labels = new byte[dataset.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) dataset.labels()[i];
        }
        return gzipIdx(new int[] {labels.length}, labels);
    }

    private static byte[] gzipIdx(int[] dimensions, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeShort(0);
            out.writeByte(UNSIGNED_BYTE);
            out.writeByte(dimensions.length);
            for (int size : dimensions) {
                out.writeInt(size);
            }
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads the images and labels back.
     *
     * @param file the project file's name, for messages
     * @throws EngineException naming the file and the entry when either entry is damaged or they do not match
     */
    static ImageDataset read(byte[] images, byte[] labels, int classCount, String name, String file) {
        Idx imageIdx = parse(images, IMAGES, file);
        Idx labelIdx = parse(labels, LABELS, file);
        int[] size = imageIdx.dimensions();
        boolean validImages = (size.length == 3 || size.length == 4) && imageIdx.data().length == product(size);
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

    private record Idx(int[] dimensions, byte[] data) {
    }

    private static Idx parse(byte[] content, String entry, String file) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(content)))) {
            if (in.readUnsignedShort() != 0 || in.readUnsignedByte() != UNSIGNED_BYTE) {
                throw damaged(file, entry, null);
            }
            int[] dimensions = new int[in.readUnsignedByte()];
            for (int i = 0; i < dimensions.length; i++) {
                dimensions[i] = in.readInt();
                if (dimensions[i] <= 0) {
                    throw damaged(file, entry, null);
                }
            }
            // The entry is in memory already, so its data cannot be larger than the entry inflated.
            return new Idx(dimensions, in.readAllBytes());
        } catch (IOException broken) {
            // Inflating bytes in memory fails only on damaged content: a bad gzip stream or one cut short.
            throw damaged(file, entry, broken);
        }
    }

    private static long product(int[] dimensions) {
        long product = 1;
        for (int size : dimensions) {
            product *= size;
        }
        return product;
    }

    private static EngineException damaged(String file, String entry, Exception cause) {
        return new EngineException(Message.of("error.project.invalidDataset", file, entry), cause);
    }
}
