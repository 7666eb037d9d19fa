package org.deepdesk.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deepdesk.engine.train.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Ctrl-C into a cooperative stop while training runs. The JVM halts once its shutdown hooks
 * return, so the hook requests the stop and then waits until the command has saved its model and
 * closed this object.
 */
final class StopOnShutdown implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StopOnShutdown.class);

    /** The maximum wait of the shutdown hook for the current batch, the save and the closing lines. */
    private static final long MAX_WAIT_SECONDS = 60;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopOnShutdown(StopSignal stop) {
        hook = new Thread(() -> {
            stop.request();
            awaitFinish();
        }, "deepdesk-stop-training");
    }

    static StopOnShutdown install(StopSignal stop) {
        StopOnShutdown handler = new StopOnShutdown(stop);
        Runtime.getRuntime().addShutdownHook(handler.hook);
        return handler;
    }

    private void awaitFinish() {
        try {
            if (!finished.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Training did not stop within {} s of the shutdown request; exiting anyway", MAX_WAIT_SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is already running and returns now that the latch is open.
            LOG.debug("Shutdown in progress; the stop hook stays registered");
        }
    }
}
