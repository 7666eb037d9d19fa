package org.deepdesk.engine.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.junit.jupiter.api.Test;

class InkColumnsTest {

    private static final float PEN = 16;

    @Test
    void blankDrawingHasNone() {
        assertThat(InkColumns.count(new Drawing(280).toGrayImage())).isZero();
    }

    @Test
    void oneIsOneColumn() {
        GrayImage one = new Drawing(280).line(140, 40, 140, 240, PEN).toGrayImage();

        assertThat(InkColumns.count(one)).isEqualTo(1);
    }

    @Test
    void twoOnesSideBySideAreTwo() {
        GrayImage eleven = new Drawing(280).line(90, 40, 90, 240, PEN).line(190, 40, 190, 240, PEN).toGrayImage();

        assertThat(InkColumns.count(eleven)).isEqualTo(2);
    }

    @Test
    void oneAndSevenAreTwo() {
        GrayImage seventeen = new Drawing(280)
                .line(60, 40, 60, 240, PEN)
                .line(130, 40, 230, 40, PEN).line(230, 40, 160, 240, PEN)
                .toGrayImage();

        assertThat(InkColumns.count(seventeen)).isEqualTo(2);
    }

    /** A "4" whose bar stops just short of the upright is two strokes close together: one digit. */
    @Test
    void fourInTwoStrokesIsOne() {
        GrayImage four = new Drawing(280)
                .line(80, 40, 60, 160, PEN).line(60, 160, 150, 160, PEN)
                .line(170, 40, 170, 240, PEN)
                .toGrayImage();

        assertThat(InkColumns.count(four)).isEqualTo(1);
    }

    /** A "5" whose top bar is lifted off its body overlaps it in columns. */
    @Test
    void fiveWithLiftedBarIsOne() {
        GrayImage five = new Drawing(280)
                .line(100, 40, 200, 40, PEN)
                .line(100, 70, 100, 140, PEN).line(100, 140, 190, 170, PEN).line(190, 170, 150, 240, PEN)
                .line(150, 240, 90, 230, PEN)
                .toGrayImage();

        assertThat(InkColumns.count(five)).isEqualTo(1);
    }

    /** A dash beside a digit is too short to count as a second digit, and specks are ignored. */
    @Test
    void minusSignAndSpecksAreNotDigits() {
        GrayImage minusOne = new Drawing(280)
                .line(30, 140, 90, 140, PEN)
                .line(180, 40, 180, 240, PEN)
                .disc(250, 250, 2)
                .toGrayImage();

        assertThat(InkColumns.count(minusOne)).isEqualTo(1);
    }

    /** Real single digits: at most 0.5% of the MNIST test set may be taken for several digits. */
    @Test
    void mnistDigitsAreSingle() {
        ImageDataset test = MnistLoader.load(Path.of("../sample-data/mnist"), MnistSplit.TEST);
        int several = 0;
        for (int i = 0; i < test.size(); i++) {
            if (InkColumns.count(new GrayImage(28, 28, test.image(i))) > 1) {
                several++;
            }
        }

        // 15 of the 10,000 were, measured when this was written: digits broken into far-apart pieces.
        assertThat(several).isLessThanOrEqualTo(test.size() / 200);
    }
}
