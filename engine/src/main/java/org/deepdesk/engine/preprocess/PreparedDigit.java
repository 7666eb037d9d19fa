package org.deepdesk.engine.preprocess;

import java.util.Arrays;

/**
 * A drawn digit turned into an MNIST-style network input, with the steps in between for views
 * that explain the preprocessing.
 *
 * <p>The arrays are owned by this record: callers must not change them.
 *
 * @param pixels {@value DigitPreprocessor#SIZE}x{@value DigitPreprocessor#SIZE} ink values in [0, 1],
 *     row after row, white ink on black as in MNIST
 * @param inkBounds the box around the ink in the drawing
 * @param scaled the ink inside {@code inkBounds}, scaled so its longer side is
 *     {@value DigitPreprocessor#DIGIT_SIZE} pixels
 */
public record PreparedDigit(float[] pixels, BoundingBox inkBounds, GrayImage scaled) {

    public PreparedDigit {
        if (pixels.length != DigitPreprocessor.SIZE * DigitPreprocessor.SIZE) {
            throw new IllegalArgumentException("expected " + DigitPreprocessor.SIZE * DigitPreprocessor.SIZE
                    + " pixels, got " + pixels.length);
        }
    }

    /** Returns the pixels as a {@value DigitPreprocessor#SIZE}x{@value DigitPreprocessor#SIZE} image. */
    public GrayImage image() {
        return new GrayImage(DigitPreprocessor.SIZE, DigitPreprocessor.SIZE, pixels);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PreparedDigit that
                && Arrays.equals(pixels, that.pixels)
                && inkBounds.equals(that.inkBounds)
                && scaled.equals(that.scaled);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(pixels) + inkBounds.hashCode()) + scaled.hashCode();
    }

    @Override
    public String toString() {
        return "PreparedDigit[inkBounds=" + inkBounds + ", scaled=" + scaled + "]";
    }
}
