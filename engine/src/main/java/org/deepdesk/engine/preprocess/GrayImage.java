package org.deepdesk.engine.preprocess;

import java.util.Arrays;
import java.util.Optional;

/**
 * A grey image as ink amounts, row after row: 0 is blank paper and 1 is full ink.
 *
 * <p>The array is owned by this image: callers must not change it.
 *
 * @param width columns, at least 1
 * @param height rows, at least 1
 * @param ink {@code width * height} values in [0, 1]
 */
public record GrayImage(int width, int height, float[] ink) {

    public GrayImage {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
        }
        if ((long) width * height != ink.length) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs " + (long) width * height
                    + " values, got " + ink.length);
        }
    }

    /** Returns the ink at column {@code x} and row {@code y}. */
    public float ink(int x, int y) {
        return ink[y * width + x];
    }

    /**
     * Finds the smallest box that contains every pixel with more ink than {@code threshold}.
     *
     * @return the box, or empty when no pixel exceeds the threshold
     */
    public Optional<BoundingBox> inkBounds(float threshold) {
        int left = width;
        int top = height;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (ink(x, y) > threshold) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            return Optional.empty();
        }
        return Optional.of(new BoundingBox(left, top, right - left + 1, bottom - top + 1));
    }

    /** Returns the pixels inside {@code box} as a new image. */
    public GrayImage crop(BoundingBox box) {
        float[] cropped = new float[box.width() * box.height()];
        for (int row = 0; row < box.height(); row++) {
            System.arraycopy(ink, (box.y() + row) * width + box.x(), cropped, row * box.width(), box.width());
        }
        return new GrayImage(box.width(), box.height(), cropped);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GrayImage that
                && width == that.width
                && height == that.height
                && Arrays.equals(ink, that.ink);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(ink);
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "x" + height + "]";
    }
}
