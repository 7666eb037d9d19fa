package org.deepdesk.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.deepdesk.engine.train.Checkpoints.Checkpoint;
import org.junit.jupiter.api.Test;

/** Which snapshots {@link Checkpoints} keeps as the latest and the best. */
class CheckpointsTest {

    @Test
    void emptyHasNoSnapshots() {
        Checkpoints checkpoints = new Checkpoints();

        assertThat(checkpoints.latest()).isEmpty();
        assertThat(checkpoints.best()).isEmpty();
    }

    @Test
    void bestKeepsLowestValidationLoss() {
        Checkpoints checkpoints = new Checkpoints();

        checkpoints.add(checkpoint(1, 0.9));
        checkpoints.add(checkpoint(2, 0.4));
        checkpoints.add(checkpoint(3, 0.6));

        assertThat(checkpoints.best().orElseThrow().epoch().epoch()).isEqualTo(2);
        assertThat(checkpoints.latest().orElseThrow().epoch().epoch()).isEqualTo(3);
    }

    @Test
    void tieKeepsEarlierEpoch() {
        Checkpoints checkpoints = new Checkpoints();

        checkpoints.add(checkpoint(1, 0.5));
        checkpoints.add(checkpoint(2, 0.5));

        assertThat(checkpoints.best().orElseThrow().epoch().epoch()).isEqualTo(1);
    }

    @Test
    void unvalidatedEpochNeverBest() {
        Checkpoints checkpoints = new Checkpoints();

        checkpoints.add(checkpoint(1, Double.NaN));

        assertThat(checkpoints.best()).isEmpty();
        assertThat(checkpoints.latest()).isPresent();
    }

    private static Checkpoint checkpoint(int epoch, double validationLoss) {
        EpochRecord record = new EpochRecord(epoch, 1.0, 0.5, validationLoss, 0.5, 1.0);
        return new Checkpoint(record, epoch * 10L, new byte[] {(byte) epoch});
    }
}
