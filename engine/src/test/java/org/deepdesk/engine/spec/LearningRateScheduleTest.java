package org.deepdesk.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deepdesk.engine.spec.LearningRateSchedule.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LearningRateScheduleTest {

    @ParameterizedTest(name = "{0} epoch {3} of 4")
    @CsvSource({
        "CONSTANT, 2, 0.5, 0, 0.1",
        "CONSTANT, 2, 0.5, 3, 0.1",
        "STEP, 2, 0.5, 0, 0.1",
        "STEP, 2, 0.5, 1, 0.1",
        "STEP, 2, 0.5, 2, 0.05",
        "STEP, 2, 0.5, 3, 0.05",
        "STEP, 1, 0.1, 3, 0.0001",
        "EXPONENTIAL, 1, 0.9, 0, 0.1",
        "EXPONENTIAL, 1, 0.9, 1, 0.09",
        "EXPONENTIAL, 1, 0.9, 2, 0.081",
        "EXPONENTIAL, 1, 0.9, 3, 0.0729",
        "COSINE, 1, 1, 0, 0.1",
        "COSINE, 1, 1, 1, 0.08535533905932738",
        "COSINE, 1, 1, 2, 0.05",
        "COSINE, 1, 1, 3, 0.014644660940672627",
    })
    void scheduleRatePerEpoch(Kind kind, int stepEpochs, double decay, int epoch, double expected) {
        LearningRateSchedule schedule = new LearningRateSchedule(kind, stepEpochs, decay);

        assertThat(schedule.rate(0.1, epoch, 4)).isCloseTo(expected, within(1e-12));
    }
}
