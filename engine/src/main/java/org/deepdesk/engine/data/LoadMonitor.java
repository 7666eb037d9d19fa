package org.deepdesk.engine.data;

import java.util.concurrent.CancellationException;

/**
 * Receives a loader's progress and tells it when to stop. Loaders call {@link #checkCancelled}
 * before each file or row, so a cancel takes effect within one item.
 */
public interface LoadMonitor {

    /** A monitor that ignores progress and never cancels. */
    LoadMonitor NONE = new LoadMonitor() {
        @Override
        public void progress(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports that {@code done} of {@code total} items are read; called from the loading thread. */
    void progress(long done, long total);

    boolean isCancelled();

    /** Throws {@link CancellationException} when the load was cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("dataset loading was cancelled");
        }
    }
}
