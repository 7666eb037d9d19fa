package org.deepdesk.app.draw;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.deepdesk.engine.inspect.SaliencyMap;

/**
 * Paints a saliency map over the network's input: the digit in grey, pixels that supported the
 * prediction in orange and pixels that argued against it in blue. Orange and blue stay apart for
 * the common colour-vision deficiencies.
 */
final class SaliencyImage {

    private static final Color SUPPORT = Color.web("#e69f00");
    private static final Color AGAINST = Color.web("#0072b2");

    private SaliencyImage() {
    }

    static WritableImage paint(float[] input, SaliencyMap map) {
        WritableImage image = new WritableImage(map.width(), map.height());
        PixelWriter writer = image.getPixelWriter();
        float scale = map.maxMagnitude();

        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                int index = y * map.width() + x;
                Color base = Color.gray(0.35 * Math.max(0, Math.min(1, input[index])));
                double strength = scale == 0 ? 0 : map.importance()[index] / scale;
                Color tint = strength >= 0 ? SUPPORT : AGAINST;
                writer.setColor(x, y, base.interpolate(tint, Math.min(1, Math.abs(strength))));
            }
        }
        return image;
    }
}
