package org.deepdesk.engine.preprocess;

/**
 * An axis-aligned box of whole pixels.
 *
 * @param x the left column
 * @param y the top row
 * @param width columns, at least 1
 * @param height rows, at least 1
 */
public record BoundingBox(int x, int y, int width, int height) {

    public BoundingBox {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("invalid box " + width + "x" + height + " at (" + x + ", " + y + ")");
        }
    }

    public int longerSide() {
        return Math.max(width, height);
    }
}
