package org.deepdesk.app.train;

import java.util.List;
import java.util.function.Predicate;
import org.deepdesk.engine.train.ThreadNice;
import org.deepdesk.engine.train.TrainingEvent;
import org.deepdesk.engine.train.TrainingEvent.BatchEnd;
import org.deepdesk.engine.train.TrainingEvent.EpochEnd;
import org.deepdesk.engine.train.TrainingListener;

/**
 * Passes training events on, and lowers the priority of every thread except the UI's and the
 * garbage collector's after the first batch and after every epoch. The FX and render threads
 * then get a core within milliseconds while training fills all of them.
 *
 * <p>The run's own thread is lowered before it loads data. ND4J creates its worker threads on
 * first use, so the first batch lowers those, and the epoch ends catch workers created later. Measured under Xvfb with software rendering, this
 * kept frame gaps under 36 ms where they reached 60 ms at equal priority, with epochs about as
 * fast (docs/benchmarks.md). The garbage collector keeps its priority because its pauses stop
 * the FX thread too.
 */
final class ComputeThreadPriority implements TrainingListener {

    /** Native thread names (the first 15 characters) that keep their priority. */
    private static final List<String> KEPT_PREFIXES = List.of(
            "JavaFX", "QuantumRenderer", "InvokeLaterDisp", "Timer-", "gmain",
            "GC Thread", "G1 ", "VM Thread");
    static final Predicate<String> KEPT = name -> KEPT_PREFIXES.stream().anyMatch(name::startsWith);

    private final TrainingListener next;
    private boolean firstBatchSeen;

    ComputeThreadPriority(TrainingListener next) {
        this.next = next;
    }

    /** Lowers the threads that exist now, such as the one about to load data and build the network. */
    static void lowerExisting() {
        ThreadNice.lowerAllBut(KEPT, ThreadNice.COMPUTE);
    }

    @Override
    public void onEvent(TrainingEvent event) {
        next.onEvent(event);
        if (event instanceof BatchEnd && !firstBatchSeen) {
            firstBatchSeen = true;
            lowerExisting();
        } else if (event instanceof EpochEnd) {
            lowerExisting();
        }
    }
}
