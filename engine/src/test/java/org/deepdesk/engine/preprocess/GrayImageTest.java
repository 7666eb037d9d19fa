package org.deepdesk.engine.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class GrayImageTest {

    @Test
    void inkBoundsSkipsFaintPixels() {
        float[] ink = new float[5 * 4];
        ink[1 * 5 + 1] = 0.5f;
        ink[2 * 5 + 3] = 1f;
        ink[3 * 5 + 4] = 0.01f;

        assertThat(new GrayImage(5, 4, ink).inkBounds(0.05f)).contains(new BoundingBox(1, 1, 3, 2));
    }

    @Test
    void cropCopiesBox() {
        float[] ink = new float[4 * 3];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = i / 100f;
        }

        GrayImage cropped = new GrayImage(4, 3, ink).crop(new BoundingBox(1, 1, 2, 2));

        assertThat(cropped.ink()).containsExactly(0.05f, 0.06f, 0.09f, 0.10f);
    }

    @Test
    void rejectsWrongLength() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GrayImage(3, 3, new float[8]));
    }
}
