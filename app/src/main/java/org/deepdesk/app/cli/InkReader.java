package org.deepdesk.app.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.deepdesk.engine.preprocess.GrayImage;

/**
 * Reads a picture of a digit as ink amounts. Pictures come either way round, dark ink on white
 * paper or light ink on a black screen. The border is almost all background, so its mean
 * brightness decides which.
 */
final class InkReader {

    private InkReader() {
    }

    /**
     * Reads a PNG, or any other format that {@link ImageIO} reads.
     *
     * @return the ink, or empty when no installed reader recognises the file
     * @throws IOException when the file cannot be read
     */
    static Optional<GrayImage> read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        return Optional.ofNullable(image).map(InkReader::toInk);
    }

    static GrayImage toInk(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] brightness = new float[width * height];
        float[] opacity = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                brightness[y * width + x] = luma(argb);
                opacity[y * width + x] = (argb >>> 24) / 255f;
            }
        }

        // Strokes on a transparent canvas carry the ink in their opacity, whatever their colour.
        if (image.getColorModel().hasAlpha() && borderMean(opacity, width, height) < 0.5f) {
            return new GrayImage(width, height, opacity);
        }

        // Transparent parts of an opaque-bordered image count as white paper.
        float[] ink = new float[width * height];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = brightness[i] * opacity[i] + (1 - opacity[i]);
        }
        boolean lightBackground = borderMean(ink, width, height) >= 0.5f;
        if (lightBackground) {
            for (int i = 0; i < ink.length; i++) {
                ink[i] = 1 - ink[i];
            }
        }
        return new GrayImage(width, height, ink);
    }

    /** Returns the Rec. 601 luma of a colour in [0, 1], the usual grey of a colour picture. */
    private static float luma(int argb) {
        int red = argb >> 16 & 0xFF;
        int green = argb >> 8 & 0xFF;
        int blue = argb & 0xFF;
        return (0.299f * red + 0.587f * green + 0.114f * blue) / 255f;
    }

    /** Returns the mean of the outermost rows and columns. */
    private static float borderMean(float[] values, int width, int height) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean border = x == 0 || y == 0 || x == width - 1 || y == height - 1;
                if (border) {
                    sum += values[y * width + x];
                    count++;
                }
            }
        }
        return (float) (sum / count);
    }
}
