package org.deepdesk.engine.preprocess;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.AreaAveragingScaleFilter;
import java.awt.image.BufferedImage;
import java.awt.image.FilteredImageSource;
import java.awt.image.ImageProducer;
import java.awt.image.PixelGrabber;

/**
 * Resizes grey images with the JDK's anti-aliased scalers: area averaging to shrink, as
 * {@code Image.SCALE_AREA_AVERAGING} does, and bilinear interpolation to enlarge. Both run with
 * {@code java.awt.headless=true}.
 *
 * <p>Ink travels through 8-bit RGB, so values come back rounded to multiples of 1/255.
 */
public final class ImageScaling {

    private ImageScaling() {
    }

    /** Returns {@code source} resized to {@code width} x {@code height}. */
    static GrayImage scale(GrayImage source, int width, int height) {
        return fromRgb(width, height, resize(toRgb(source), width, height));
    }

    /**
     * Returns the RGB pixels of {@code image} resized to {@code width} x {@code height}, row-major:
     * area averaging when shrinking, bilinear interpolation when enlarging.
     */
    public static int[] resize(BufferedImage image, int width, int height) {
        if (image.getWidth() == width && image.getHeight() == height) {
            return image.getRGB(0, 0, width, height, null, 0, width);
        }
        if (width <= image.getWidth() && height <= image.getHeight()) {
            return shrink(image, width, height);
        }
        return enlarge(image, width, height);
    }

    /**
     * Averages the source pixels under each target pixel, as
     * {@code getScaledInstance(..., SCALE_AREA_AVERAGING)} does. That method wraps the filter in an
     * AWT toolkit image, which loads asynchronously, so this runs the filter directly and the
     * grabber returns once it is done.
     */
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

    /** Interpolates between source pixels, which keeps enlarged strokes smooth instead of blocky. */
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

    /**
     * Stores each ink value as an RGB grey. RGB rather than {@code TYPE_BYTE_GRAY} because Java2D
     * treats that type as linear grey and applies a gamma curve when it converts to or from it.
     */
    private static BufferedImage toRgb(GrayImage source) {
        int[] rgb = new int[source.width() * source.height()];
        float[] ink = source.ink();
        for (int i = 0; i < rgb.length; i++) {
            int level = Math.round(Math.min(1f, Math.max(0f, ink[i])) * 255f);
            rgb[i] = level << 16 | level << 8 | level;
        }
        BufferedImage image = new BufferedImage(source.width(), source.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, source.width(), source.height(), rgb, 0, source.width());
        return image;
    }

    private static GrayImage fromRgb(int width, int height, int[] rgb) {
        float[] ink = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            ink[i] = (rgb[i] & 0xFF) / 255f;
        }
        return new GrayImage(width, height, ink);
    }
}
