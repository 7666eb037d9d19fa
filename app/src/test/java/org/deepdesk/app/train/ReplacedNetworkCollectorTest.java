package org.deepdesk.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.deepdesk.engine.train.EpochRecord;
import org.deepdesk.engine.train.TrainingEvent;
import org.deepdesk.engine.train.TrainingEvent.EpochEnd;
import org.deepdesk.engine.train.TrainingEvent.Outcome;
import org.deepdesk.engine.train.TrainingEvent.RunEnd;
import org.junit.jupiter.api.Test;

class ReplacedNetworkCollectorTest {

    @Test
    void eventsPassThroughInOrder() {
        List<TrainingEvent> received = new ArrayList<>();
        ReplacedNetworkCollector collector = new ReplacedNetworkCollector(received::add);
        EpochEnd first = new EpochEnd(new EpochRecord(1, 0.5, 0.8, 0.4, 0.85, 1), 0.001);
        EpochEnd second = new EpochEnd(new EpochRecord(2, 0.3, 0.9, 0.35, 0.88, 1), 0.001);
        RunEnd end = new RunEnd(Outcome.COMPLETED, 2, Duration.ofSeconds(2));

        collector.onEvent(first);
        collector.onEvent(second);
        collector.onEvent(end);

        assertThat(received).containsExactly(first, second, end);
    }

    @Test
    void firstEpochEndCollectsDroppedObjects() {
        // Stands in for a replaced network: reachable only through a weak reference.
        WeakReference<Object> dropped = new WeakReference<>(new byte[1024]);
        ReplacedNetworkCollector collector = new ReplacedNetworkCollector(event -> { });

        collector.onEvent(new EpochEnd(new EpochRecord(1, 0.5, 0.8, 0.4, 0.85, 1), 0.001));

        // The tests run without -XX:+ExplicitGCInvokesConcurrent, so System.gc() completes a full collection.
        assertThat(dropped.get()).isNull();
    }
}
