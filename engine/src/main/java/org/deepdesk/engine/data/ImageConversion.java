package org.deepdesk.engine.data;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.deepdesk.engine.preprocess.ImageScaling;
import org.deepdesk.engine.spec.ImageShape;

/**
 * Converts a decoded image of any size and colour model to a target {@link ImageShape}: the
 * image is stretched to the target size (area averaging to shrink, bilinear to enlarge),
 * transparent pixels are composited over black, and colour becomes grey by the ITU-R BT.601 luma
 * weights when the target has one channel.
 */
final class ImageConversion {

    private ImageConversion() {
    }

    /** Writes the converted image into {@code target} at {@code offset}, in channel, row, column order. */
    static void convert(BufferedImage source, ImageShape shape, byte[] target, int offset) {
        int[] rgb = ImageScaling.resize(opaque(source), shape.width(), shape.height());
        int plane = shape.width() * shape.height();
        for (int i = 0; i < plane; i++) {
            int red = (rgb[i] >> 16) & 0xFF;
            int green = (rgb[i] >> 8) & 0xFF;
            int blue = rgb[i] & 0xFF;
            if (shape.channels() == 1) {
                target[offset + i] = (byte) Math.round(0.299 * red + 0.587 * green + 0.114 * blue);
            } else {
                target[offset + i] = (byte) red;
                target[offset + plane + i] = (byte) green;
                target[offset + 2 * plane + i] = (byte) blue;
            }
        }
    }

    /** Draws the image onto an opaque RGB canvas, so every colour model reads the same way. */
    private static BufferedImage opaque(BufferedImage source) {
        BufferedImage image = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.drawImage(source, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return image;
    }
}
