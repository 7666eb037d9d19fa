package org.deepdesk.app.train;

import org.deepdesk.engine.train.TrainingEvent;
import org.deepdesk.engine.train.TrainingEvent.EpochEnd;
import org.deepdesk.engine.train.TrainingListener;

/**
 * Passes training events on, and after the first epoch of a run that replaced a network requests
 * a garbage collection, which finds the old one.
 *
 * <p>A network's weights, gradients and scratch buffers live in native memory, hundreds of
 * megabytes for a large stack, while its Java objects take a few kilobytes. The heap therefore
 * rarely fills enough for a collection to find a dropped network, and a student who rebuilds
 * and retrains a few times would keep every old network's memory. By the end of the first epoch
 * the views have moved to the new network. The trainer hands the freed memory back to the
 * operating system at the following epoch ends. The launchers run the JVM with
 * {@code -XX:+ExplicitGCInvokesConcurrent}, so the request starts a concurrent cycle instead of
 * pausing the FX thread.
 */
final class ReplacedNetworkCollector implements TrainingListener {

    private final TrainingListener next;
    private boolean requested;

    ReplacedNetworkCollector(TrainingListener next) {
        this.next = next;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        next.onEvent(event);
        if (event instanceof EpochEnd && !requested) {
            requested = true;
            System.gc();
        }
    }
}
