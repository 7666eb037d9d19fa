package org.deepdesk.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.deepdesk.engine.spec.ImageShape;
import org.junit.jupiter.api.Test;

class ImageDatasetTest {

    private static final ImageShape ONE_PIXEL = new ImageShape(1, 1, 1);

    /** Images sorted by class, as an image folder gives them; each pixel is the image's position. */
    private static ImageDataset sortedByClass(int... labels) {
        byte[] pixels = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            pixels[i] = (byte) i;
        }
        return new ImageDataset("sorted", ONE_PIXEL, pixels, labels, 3);
    }

    @Test
    void balancedSampleTakesEveryClassInTurn() {
        ImageDataset data = sortedByClass(0, 0, 0, 0, 1, 1, 2);

        ImageDataset sample = data.balancedSample(4);

        assertThat(sample.labels()).containsExactly(0, 1, 2, 0);
        assertThat(sample.pixels()).containsExactly(0, 4, 6, 1);
    }

    @Test
    void balancedSampleGivesShareOfExhaustedClass() {
        ImageDataset data = sortedByClass(0, 0, 0, 0, 1, 1, 2);

        ImageDataset sample = data.balancedSample(6);

        assertThat(sample.labels()).containsExactly(0, 1, 2, 0, 1, 0);
    }

    @Test
    void headOfSortedDataKeepsOneClass() {
        ImageDataset data = sortedByClass(0, 0, 0, 0, 1, 1, 2);

        assertThat(data.head(4).labels()).containsOnly(0);
    }

    @Test
    void balancedSampleOfAllIsSameDataset() {
        ImageDataset data = sortedByClass(0, 1, 2);

        assertThat(data.balancedSample(3)).isSameAs(data);
        assertThat(data.balancedSample(0)).isSameAs(data);
    }
}
