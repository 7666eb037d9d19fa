package org.deepdesk.engine.train;

/** A cooperative stop request, checked by the trainer between batches. Thread-safe. */
public final class StopSignal {

    private volatile boolean requested;

    public void request() {
        requested = true;
    }

    public boolean isRequested() {
        return requested;
    }
}
