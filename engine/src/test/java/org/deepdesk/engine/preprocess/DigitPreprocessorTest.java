package org.deepdesk.engine.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Optional;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.junit.jupiter.api.Test;

class DigitPreprocessorTest {

    private static final int SIZE = DigitPreprocessor.SIZE;

    /** Ink above this counts when measuring spans, so faint anti-aliased fringes do not. */
    private static final float VISIBLE = 0.1f;

    @Test
    void cornerDigitIsCentred() {
        GrayImage seven = new Drawing(280)
                .line(15, 15, 95, 15, 12)
                .line(95, 15, 40, 125, 12)
                .toGrayImage();

        float[] pixels = prepare(seven);

        assertThat(centreOfMass(pixels, true)).isCloseTo(14.0, within(1.0));
        assertThat(centreOfMass(pixels, false)).isCloseTo(14.0, within(1.0));
        assertThat(Math.max(span(pixels, true), span(pixels, false))).isBetween(19, 21);
    }

    @Test
    void naiveResizeKeepsCornerOffCentre() {
        GrayImage seven = new Drawing(280)
                .line(15, 15, 95, 15, 12)
                .line(95, 15, 40, 125, 12)
                .toGrayImage();

        float[] pixels = DigitPreprocessor.naiveResize(seven);

        assertThat(pixels).hasSize(SIZE * SIZE);
        assertThat(centreOfMass(pixels, true)).isLessThan(6.0);
        assertThat(centreOfMass(pixels, false)).isLessThan(6.0);
        assertThat(Math.max(span(pixels, true), span(pixels, false))).isLessThan(14);
    }

    @Test
    void tinyDigitIsScaledUp() {
        GrayImage small = new Drawing(280)
                .line(140, 130, 140, 141, 3)
                .disc(140, 141, 3)
                .toGrayImage();

        float[] pixels = prepare(small);

        assertThat(span(pixels, false)).isBetween(19, 21);
    }

    @Test
    void edgeToEdgeStrokeFits() {
        GrayImage cross = new Drawing(280)
                .line(0, 0, 280, 280, 30)
                .line(0, 280, 280, 0, 30)
                .toGrayImage();

        float[] pixels = prepare(cross);

        assertThat(rowInk(pixels, 0)).isLessThan(0.01f);
        assertThat(rowInk(pixels, SIZE - 1)).isLessThan(0.01f);
        assertThat(columnInk(pixels, 0)).isLessThan(0.01f);
        assertThat(columnInk(pixels, SIZE - 1)).isLessThan(0.01f);
        assertThat(span(pixels, true)).isBetween(19, 21);
        assertThat(span(pixels, false)).isBetween(19, 21);
    }

    @Test
    void thinOneStaysThinAndCentred() {
        GrayImage one = new Drawing(280).rectangle(200, 40, 3, 200).toGrayImage();

        PreparedDigit digit = DigitPreprocessor.prepare(one).orElseThrow();

        assertThat(digit.inkBounds()).isEqualTo(new BoundingBox(200, 40, 3, 200));
        assertThat(digit.scaled().width()).isEqualTo(1);
        assertThat(digit.scaled().height()).isEqualTo(20);
        assertThat(span(digit.pixels(), true)).isLessThanOrEqualTo(4);
        assertThat(span(digit.pixels(), false)).isBetween(19, 21);
        assertThat(centreOfMass(digit.pixels(), true)).isCloseTo(14.0, within(1.0));
        assertThat(centreOfMass(digit.pixels(), false)).isCloseTo(14.0, within(1.0));
    }

    @Test
    void hiDpiCanvasGivesSameSize() {
        GrayImage seven = new Drawing(560)
                .line(30, 30, 190, 30, 24)
                .line(190, 30, 80, 250, 24)
                .toGrayImage();

        float[] pixels = prepare(seven);

        assertThat(Math.max(span(pixels, true), span(pixels, false))).isBetween(19, 21);
        assertThat(centreOfMass(pixels, true)).isCloseTo(14.0, within(1.0));
    }

    @Test
    void enlargedMnistDigitRoundTrips() {
        ImageDataset mnist = MnistLoader.load(Path.of("..", "sample-data", "mnist"), MnistSplit.TEST);
        float[] original = mnist.image(0);
        int factor = 10;
        float[] canvas = new float[400 * 400];
        for (int y = 0; y < SIZE * factor; y++) {
            for (int x = 0; x < SIZE * factor; x++) {
                canvas[(y + 100) * 400 + x + 10] = original[(y / factor) * SIZE + x / factor];
            }
        }

        float[] pixels = prepare(new GrayImage(400, 400, canvas));

        assertThat(pixels).containsExactly(original, within(1.5f / 255));
    }

    @Test
    void emptyDrawingYieldsEmpty() {
        GrayImage blank = new Drawing(280).toGrayImage();

        assertThat(DigitPreprocessor.prepare(blank)).isEmpty();
    }

    @Test
    void faintSpecksYieldEmpty() {
        float[] ink = new float[280 * 280];
        ink[1000] = 0.03f;
        ink[50_000] = 0.05f;

        assertThat(DigitPreprocessor.prepare(new GrayImage(280, 280, ink))).isEmpty();
    }

    @Test
    void valuesStayInUnitRange() {
        GrayImage zero = new Drawing(280).disc(140, 140, 90).toGrayImage();
        float[] pixels = prepare(zero);

        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float value : pixels) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }

        assertThat(pixels).hasSize(SIZE * SIZE);
        assertThat(min).isGreaterThanOrEqualTo(0f);
        assertThat(max).isLessThanOrEqualTo(1f);
        assertThat(max).isGreaterThan(0.9f);
    }

    @Test
    void edgesStayGrey() {
        GrayImage zero = new Drawing(280).line(100, 60, 180, 220, 14).toGrayImage();
        float[] pixels = prepare(zero);

        int grey = 0;
        for (float value : pixels) {
            if (value > 0.05f && value < 0.95f) {
                grey++;
            }
        }

        assertThat(grey).isGreaterThan(5);
    }

    private static float[] prepare(GrayImage drawing) {
        Optional<PreparedDigit> digit = DigitPreprocessor.prepare(drawing);
        assertThat(digit).isPresent();
        return digit.get().pixels();
    }

    /** Returns the ink-weighted mean column or row index, which MNIST puts at 14. */
    private static double centreOfMass(float[] pixels, boolean horizontal) {
        double mass = 0;
        double moment = 0;
        for (int i = 0; i < pixels.length; i++) {
            int position = horizontal ? i % SIZE : i / SIZE;
            mass += pixels[i];
            moment += pixels[i] * position;
        }
        return moment / mass;
    }

    /** Returns how many columns or rows lie between the first and last with visible ink, inclusive. */
    private static int span(float[] pixels, boolean horizontal) {
        int first = SIZE;
        int last = -1;
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] > VISIBLE) {
                int position = horizontal ? i % SIZE : i / SIZE;
                first = Math.min(first, position);
                last = Math.max(last, position);
            }
        }
        return last < 0 ? 0 : last - first + 1;
    }

    private static float rowInk(float[] pixels, int row) {
        float sum = 0;
        for (int x = 0; x < SIZE; x++) {
            sum += pixels[row * SIZE + x];
        }
        return sum;
    }

    private static float columnInk(float[] pixels, int column) {
        float sum = 0;
        for (int y = 0; y < SIZE; y++) {
            sum += pixels[y * SIZE + column];
        }
        return sum;
    }
}
