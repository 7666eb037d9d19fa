package org.deepdesk.app.evaluate;

import javafx.scene.paint.Color;

/**
 * The viridis colour map: perceptually uniform and readable with the common colour-vision
 * deficiencies and in greyscale. Five stops of matplotlib's map, interpolated linearly.
 */
final class Viridis {

    private static final Color[] STOPS = {
        Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"), Color.web("#5ec962"), Color.web("#fde725")
    };

    private Viridis() {
    }

    /** Returns the colour for a value in [0, 1]; values outside are clamped. */
    static Color at(double value) {
        double clamped = Math.max(0, Math.min(1, value));
        double position = clamped * (STOPS.length - 1);
        int lower = (int) Math.floor(position);
        if (lower >= STOPS.length - 1) {
            return STOPS[STOPS.length - 1];
        }
        return STOPS[lower].interpolate(STOPS[lower + 1], position - lower);
    }

    /** Returns black or white, whichever reads better on the given background. */
    static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return luminance > 0.5 ? Color.BLACK : Color.WHITE;
    }
}
