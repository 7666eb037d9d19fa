package org.deepdesk.engine.train;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cooperative stop and pause requests, checked by the trainer between batches. Thread-safe.
 *
 * <p>A paused trainer waits on a condition, not in a polling loop, and a stop request wakes it.
 */
public final class StopSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean requested;
    private volatile boolean paused;

    public void request() {
        lock.lock();
        try {
            requested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isRequested() {
        return requested;
    }

    /** Asks the run to wait after the current batch until {@link #resume()} or a stop request. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /**
     * Blocks while paused, until resumed or stopped.
     *
     * @return the nanoseconds spent waiting, which the trainer leaves out of its speed and ETA
     * @throws InterruptedException when the waiting thread is interrupted
     */
    long awaitResume() throws InterruptedException {
        if (!paused) {
            return 0;
        }
        long start = System.nanoTime();
        lock.lock();
        try {
            while (paused && !requested) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
        return System.nanoTime() - start;
    }
}
