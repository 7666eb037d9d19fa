package org.deepdesk.engine.data;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.AreaAveragingScaleFilter;
import java.awt.image.BufferedImage;
import java.awt.image.FilteredImageSource;
import java.awt.image.ImageProducer;
import java.awt.image.PixelGrabber;
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
        int[] rgb = resize(opaque(source), shape.width(), shape.height());
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

    private static int[] resize(BufferedImage image, int width, int height) {
        if (image.getWidth() == width && image.getHeight() == height) {
            return image.getRGB(0, 0, width, height, null, 0, width);
        }
        if (width <= image.getWidth() && height <= image.getHeight()) {
            return shrink(image, width, height);
        }
        return enlarge(image, width, height);
    }

    /** Runs the JDK's area-averaging filter directly; the grabber returns once it has all pixels. */
    private static int[] shrink(BufferedImage image, int width, int height) {
        ImageProducer scaled = new FilteredImageSource(image.getSource(), new AreaAveragingScaleFilter(width, height));
        int[] rgb = new int[width * height];
        PixelGrabber grabber = new PixelGrabber(scaled, 0, 0, width, height, rgb, 0, width);
        try {
            if (!grabber.grabPixels()) {
                throw new IllegalStateException("area-averaging scale failed, status " + grabber.getStatus());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scaling an image", interrupted);
        }
        return rgb;
    }

    private static int[] enlarge(BufferedImage image, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target.getRGB(0, 0, width, height, null, 0, width);
    }
}
