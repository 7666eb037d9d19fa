package org.deepdesk.app.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.EpochRecord;
import org.deepdesk.engine.train.TrainingEvent.BatchEnd;
import org.deepdesk.engine.train.TrainingEvent.Outcome;
import org.junit.jupiter.api.Test;

class TrainingCurvesTest {

    private static BatchEnd batch(int number, double loss) {
        return new BatchEnd(1, number, 4, number, loss, 0.5, 100, number / 4.0, Duration.ZERO);
    }

    @Test
    void nonFiniteBatchesAreSkipped() {
        TrainingCurves curves = new TrainingCurves();

        curves.addBatch(batch(1, 2.0));
        curves.addBatch(batch(2, Double.NaN));
        curves.addBatch(batch(3, Double.POSITIVE_INFINITY));

        assertThat(curves.loss().getSeries(0).getItemCount()).isEqualTo(1);
        assertThat(curves.accuracy().getSeries(0).getItemCount()).isEqualTo(3);
    }

    @Test
    void nanValidationIsSkipped() {
        TrainingCurves curves = new TrainingCurves();

        curves.addEpoch(new EpochRecord(1, 0.5, 0.8, Double.NaN, Double.NaN, 1));

        assertThat(curves.loss().getSeries(1).getItemCount()).isEqualTo(1);
        assertThat(curves.loss().getSeries(2).getItemCount()).isZero();
    }

    @Test
    void smoothingAveragesBatchLoss() {
        TrainingCurves curves = new TrainingCurves();
        curves.addBatch(batch(1, 1.0));
        curves.addBatch(batch(2, 3.0));

        curves.setSmoothing(0.5);

        // Bias-corrected EMA: (0.5 * 0.5 * 1 + 0.5 * 3) / (1 - 0.25) = 2.333...
        assertThat(curves.loss().getSeries(0).getY(0).doubleValue()).isCloseTo(1.0, within(1e-12));
        assertThat(curves.loss().getSeries(0).getY(1).doubleValue()).isCloseTo(7.0 / 3, within(1e-12));
    }

    @Test
    void zeroSmoothingShowsRawValues() {
        TrainingCurves curves = new TrainingCurves();
        curves.addBatch(batch(1, 1.0));
        curves.addBatch(batch(2, 3.0));
        curves.setSmoothing(0.5);

        curves.setSmoothing(0);

        assertThat(curves.loss().getSeries(0).getY(1).doubleValue()).isEqualTo(3.0);
    }

    @Test
    void overlaysFollowComparedRuns() {
        TrainingCurves curves = new TrainingCurves();
        List<EpochRecord> epochs = List.of(new EpochRecord(1, 0.5, 0.8, 0.4, 0.85, 1), new EpochRecord(2, 0.3, 0.9, 0.35, 0.88, 1));
        RunRecord first = new RunRecord(1, "softmax", TrainingSettings.defaults(), epochs, Outcome.COMPLETED, 0.9);
        RunRecord second = new RunRecord(2, "softmax", TrainingSettings.defaults(), epochs, Outcome.COMPLETED, 0.9);

        curves.showOverlays(List.of(first, second));
        curves.showOverlays(List.of(second));

        assertThat(curves.loss().getSeriesCount()).isEqualTo(TrainingCurves.LIVE_SERIES + 1);
        assertThat(curves.loss().getSeries(TrainingCurves.LIVE_SERIES).getY(1).doubleValue()).isEqualTo(0.35);
    }
}
