package org.deepdesk.app.inside;

import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** Turns feature maps and kernels into small grey or diverging-colour images. */
final class ChannelImages {

    /** Orange for positive weights, blue for negative: distinguishable with common colour-vision deficiencies. */
    private static final Color POSITIVE = Color.web("#e69f00");
    private static final Color NEGATIVE = Color.web("#0072b2");

    private ChannelImages() {
    }

    /**
     * Paints one channel of a feature map in grey, scaled so its largest value is white. Each
     * channel is scaled on its own, because activations of different channels differ widely.
     */
    static WritableImage activation(float[] values, int offset, int height, int width) {
        float max = 0;
        for (int i = 0; i < height * width; i++) {
            max = Math.max(max, values[offset + i]);
        }
        WritableImage image = new WritableImage(width, height);
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float value = values[offset + y * width + x];
                writer.setColor(x, y, Color.gray(max <= 0 ? 0 : Math.max(0, Math.min(1, value / max))));
            }
        }
        return image;
    }

    /**
     * Returns {@code image} with every pixel drawn as a block of {@code cellWidth x cellHeight}.
     * JavaFX's software pipeline smooths a scaled ImageView even with {@code setSmooth(false)},
     * which blurs a 3x3 kernel into a blob, so the blocks are drawn here instead.
     */
    static WritableImage enlarged(WritableImage image, int cellWidth, int cellHeight) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        WritableImage large = new WritableImage(width * cellWidth, height * cellHeight);
        PixelReader reader = image.getPixelReader();
        PixelWriter writer = large.getPixelWriter();
        for (int y = 0; y < height * cellHeight; y++) {
            for (int x = 0; x < width * cellWidth; x++) {
                writer.setArgb(x, y, reader.getArgb(x / cellWidth, y / cellHeight));
            }
        }
        return large;
    }

    /** Paints a kernel or any signed values: orange above zero, blue below, black at zero. */
    static WritableImage signed(float[] values, int height, int width) {
        float max = 0;
        for (float value : values) {
            max = Math.max(max, Math.abs(value));
        }
        WritableImage image = new WritableImage(width, height);
        PixelWriter writer = image.getPixelWriter();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float value = values[y * width + x];
                double strength = max == 0 ? 0 : Math.abs(value) / max;
                writer.setColor(x, y, Color.BLACK.interpolate(value >= 0 ? POSITIVE : NEGATIVE, strength));
            }
        }
        return image;
    }
}
