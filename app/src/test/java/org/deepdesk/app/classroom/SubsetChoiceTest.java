package org.deepdesk.app.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubsetChoiceTest {

    @Test
    void fastMachineTrainsFullSet() {
        assertThat(SubsetChoice.trainingLimit(2000, 0.1)).isZero();
    }

    @Test
    void slowMachineRoundsDownToThousands() {
        // 100 images/s for 60 s is 6,000 trained images; with 10 % held out the limit is 6,666.
        assertThat(SubsetChoice.trainingLimit(100, 0.1)).isEqualTo(6000);
    }

    @Test
    void verySlowMachineKeepsMinimum() {
        assertThat(SubsetChoice.trainingLimit(2, 0.1)).isEqualTo(SubsetChoice.MIN_IMAGES);
    }

    @Test
    void justBelowFullSetIsSubset() {
        assertThat(SubsetChoice.trainingLimit(899, 0.1)).isEqualTo(59000);
    }
}
