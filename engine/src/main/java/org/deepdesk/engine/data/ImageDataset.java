package org.deepdesk.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.deepdesk.engine.spec.ImageShape;

/**
 * Labelled grey or colour images held as unsigned bytes, which keeps the 60,000 MNIST training
 * images at 47 MB instead of 188 MB as floats. Pixels are stored sample after sample, each in
 * channel, row, column order; values 0-255 map to [0, 1] on the way into the network.
 *
 * <p>The arrays are owned by this dataset: callers must not change them.
 *
 * @param name shown in the UI, such as "MNIST train"
 * @param shape the shape of one image
 * @param pixels {@code count * shape.size()} bytes
 * @param labels one class index per image, in [0, classCount)
 * @param classCount number of classes
 */
public record ImageDataset(String name, ImageShape shape, byte[] pixels, int[] labels, int classCount) {

    public ImageDataset {
        Objects.requireNonNull(name);
        Objects.requireNonNull(shape);
        if ((long) labels.length * shape.size() != pixels.length) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes, but " + labels.length
                    + " images of " + shape + " need " + labels.length * shape.size());
        }
    }

    public int size() {
        return labels.length;
    }

    public int sampleSize() {
        return (int) shape.size();
    }

    /** Copies image {@code index} into {@code target} at {@code offset}, scaled to [0, 1]. */
    public void copyImage(int index, float[] target, int offset) {
        int sampleSize = sampleSize();
        int start = index * sampleSize;
        for (int i = 0; i < sampleSize; i++) {
            target[offset + i] = (pixels[start + i] & 0xFF) / 255f;
        }
    }

    /** Returns image {@code index} scaled to [0, 1]. */
    public float[] image(int index) {
        float[] image = new float[sampleSize()];
        copyImage(index, image, 0);
        return image;
    }

    /** Returns the images at the given positions, as a new dataset. */
    public ImageDataset subset(String subsetName, int[] indices) {
        int sampleSize = sampleSize();
        byte[] subsetPixels = new byte[indices.length * sampleSize];
        int[] subsetLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * sampleSize, subsetPixels, i * sampleSize, sampleSize);
            subsetLabels[i] = labels[indices[i]];
        }
        return new ImageDataset(subsetName, shape, subsetPixels, subsetLabels, classCount);
    }

    /** Returns the first {@code count} images, or this dataset when it has no more than that. */
    public ImageDataset head(int count) {
        if (count <= 0 || count >= size()) {
            return this;
        }
        int[] indices = new int[count];
        Arrays.setAll(indices, i -> i);
        return subset(name, indices);
    }

    /**
     * Returns {@code count} images with the classes as even as the data allows: the first image
     * of each class, then the second of each, and so on, each class in its own order. A class
     * that runs out leaves its share to the others. Unlike {@link #head}, this keeps every class
     * when the images are sorted by class, as those of an image folder are.
     */
    public ImageDataset balancedSample(int count) {
        if (count <= 0 || count >= size()) {
            return this;
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < classCount; k++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }

        int[] indices = new int[count];
        int taken = 0;
        for (int round = 0; taken < count; round++) {
            for (List<Integer> members : byClass) {
                if (round < members.size() && taken < count) {
                    indices[taken++] = members.get(round);
                }
            }
        }
        return subset(name, indices);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageDataset that
                && name.equals(that.name)
                && shape.equals(that.shape)
                && classCount == that.classCount
                && Arrays.equals(pixels, that.pixels)
                && Arrays.equals(labels, that.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, shape, classCount, Arrays.hashCode(pixels), Arrays.hashCode(labels));
    }

    @Override
    public String toString() {
        return name + " (" + size() + " images of " + shape + ", " + classCount + " classes)";
    }
}
