package org.deepdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.deepdesk.engine.preprocess.GrayImage;
import org.junit.jupiter.api.Test;

class InkReaderTest {

    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    @Test
    void darkOnLightMatchesLightOnDark() {
        GrayImage dark = InkReader.toInk(Digits.seven(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK));
        GrayImage light = InkReader.toInk(Digits.seven(BufferedImage.TYPE_INT_RGB, Color.BLACK, Color.WHITE));

        assertThat(maxDifference(dark, light)).isLessThan(0.01f);
    }

    @Test
    void darkOnLightHasInkOnStroke() {
        GrayImage ink = InkReader.toInk(Digits.seven(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK));

        assertThat(ink.ink(100, 50)).isEqualTo(1f);
        assertThat(ink.ink(5, 5)).isEqualTo(0f);
    }

    @Test
    void transparentCanvasUsesOpacity() {
        GrayImage black = InkReader.toInk(Digits.seven(BufferedImage.TYPE_INT_ARGB, TRANSPARENT, Color.BLACK));
        GrayImage white = InkReader.toInk(Digits.seven(BufferedImage.TYPE_INT_ARGB, TRANSPARENT, Color.WHITE));

        assertThat(black.ink(100, 50)).isEqualTo(1f);
        assertThat(black.ink(5, 5)).isEqualTo(0f);
        assertThat(maxDifference(white, black)).isZero();
    }

    @Test
    void greyPaperCountsAsLight() {
        GrayImage ink = InkReader.toInk(Digits.seven(BufferedImage.TYPE_INT_RGB, new Color(200, 200, 200), Color.BLACK));

        assertThat(ink.ink(100, 50)).isEqualTo(1f);
        assertThat(ink.ink(5, 5)).isCloseTo(55 / 255f, within(0.01f));
    }

    private static float maxDifference(GrayImage first, GrayImage second) {
        float max = 0;
        for (int i = 0; i < first.ink().length; i++) {
            max = Math.max(max, Math.abs(first.ink()[i] - second.ink()[i]));
        }
        return max;
    }
}
