package org.deepdesk.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import org.deepdesk.engine.spec.ImageShape;
import org.junit.jupiter.api.Test;

class PersonalDigitsTest {

    private static final int PIXELS = 28 * 28;

    @Test
    void withDigitAppendsLabelAndPixels() {
        float[] ink = filled(0.5f);

        PersonalDigits digits = PersonalDigits.empty().withDigit(ink, 7);

        assertThat(digits.size()).isEqualTo(1);
        assertThat(digits.label(0)).isEqualTo(7);
        assertThat(digits.image(0)[0]).isCloseTo(0.5f, offset(1 / 255f));
        assertThat(PersonalDigits.empty().size()).isZero();
    }

    @Test
    void withDigitRejectsLabelOutsideDigits() {
        float[] ink = filled(1f);

        assertThatThrownBy(() -> PersonalDigits.empty().withDigit(ink, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDigits.empty().withDigit(ink, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withDigitRejectsWrongPixelCount() {
        assertThatThrownBy(() -> PersonalDigits.empty().withDigit(new float[10], 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutRemovesOneDigit() {
        PersonalDigits digits = PersonalDigits.empty()
                .withDigit(filled(0.1f), 1).withDigit(filled(0.2f), 2).withDigit(filled(0.3f), 3);

        PersonalDigits kept = digits.without(1);

        assertThat(kept.size()).isEqualTo(2);
        assertThat(kept.label(0)).isEqualTo(1);
        assertThat(kept.label(1)).isEqualTo(3);
        assertThat(digits.size()).isEqualTo(3);
    }

    @Test
    void countsPerClassCountsLabels() {
        PersonalDigits digits = PersonalDigits.empty()
                .withDigit(filled(1f), 4).withDigit(filled(1f), 4).withDigit(filled(1f), 9);

        int[] counts = digits.countsPerClass();

        assertThat(counts[4]).isEqualTo(2);
        assertThat(counts[9]).isEqualTo(1);
        assertThat(Arrays.stream(counts).sum()).isEqualTo(3);
    }

    @Test
    void mixedWithRepeatsDigitsAndSamplesMnist() {
        PersonalDigits digits = PersonalDigits.empty().withDigit(filled(1f), 3).withDigit(filled(1f), 5);
        ImageDataset mnist = constantLabelDataset(100, 0);

        ImageDataset mixed = digits.mixedWith(mnist, 40, 7);

        int[] counts = new int[10];
        for (int label : mixed.labels()) {
            counts[label]++;
        }
        assertThat(mixed.size()).isEqualTo(2 * PersonalDigits.REPEATS + 40);
        assertThat(counts[3]).isEqualTo(PersonalDigits.REPEATS);
        assertThat(counts[5]).isEqualTo(PersonalDigits.REPEATS);
        assertThat(counts[0]).isEqualTo(40);
        assertThat(mixed.shape()).isEqualTo(ImageShape.MNIST);
    }

    @Test
    void mixedWithShufflesPersonalDigits() {
        PersonalDigits digits = PersonalDigits.empty().withDigit(filled(1f), 3);
        ImageDataset mnist = constantLabelDataset(100, 0);

        ImageDataset mixed = digits.mixedWith(mnist, 100, 7);

        int[] head = Arrays.copyOf(mixed.labels(), PersonalDigits.REPEATS);
        assertThat(head).isNotEqualTo(filledLabels(PersonalDigits.REPEATS, 3));
    }

    @Test
    void mixedWithCapsMnistCount() {
        PersonalDigits digits = PersonalDigits.empty().withDigit(filled(1f), 3);

        ImageDataset mixed = digits.mixedWith(constantLabelDataset(5, 0), 1000, 1);

        assertThat(mixed.size()).isEqualTo(PersonalDigits.REPEATS + 5);
    }

    @Test
    void mixedWithRejectsOtherShapes() {
        PersonalDigits digits = PersonalDigits.empty().withDigit(filled(1f), 3);
        ImageDataset colour = new ImageDataset("colour", new ImageShape(2, 2, 3), new byte[12], new int[1], 10);

        assertThatThrownBy(() -> digits.mixedWith(colour, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofRejectsLabelAboveNine() {
        ImageDataset dataset = new ImageDataset("bad", ImageShape.MNIST, new byte[PIXELS], new int[] {12}, 20);

        assertThatThrownBy(() -> PersonalDigits.of(dataset)).isInstanceOf(IllegalArgumentException.class);
    }

    static float[] filled(float value) {
        float[] pixels = new float[PIXELS];
        Arrays.fill(pixels, value);
        return pixels;
    }

    private static int[] filledLabels(int count, int label) {
        int[] labels = new int[count];
        Arrays.fill(labels, label);
        return labels;
    }

    private static ImageDataset constantLabelDataset(int count, int label) {
        return new ImageDataset("MNIST train", ImageShape.MNIST, new byte[count * PIXELS], filledLabels(count, label), 10);
    }
}
