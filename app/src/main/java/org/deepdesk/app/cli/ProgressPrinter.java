package org.deepdesk.app.cli;

import java.time.Duration;
import java.util.Optional;
import org.deepdesk.engine.train.EpochRecord;
import org.deepdesk.engine.train.TrainingEvent;
import org.deepdesk.engine.train.TrainingEvent.BatchEnd;
import org.deepdesk.engine.train.TrainingEvent.EpochEnd;
import org.deepdesk.engine.train.TrainingEvent.RunEnd;
import org.deepdesk.engine.train.TrainingListener;

/**
 * Shows training progress on one terminal line that is rewritten in place with a carriage
 * return, and prints one permanent line per finished epoch.
 */
final class ProgressPrinter implements TrainingListener {

    /** The minimum time between progress updates: five a second are readable, and more only flood the terminal. */
    private static final long MIN_UPDATE_NANOS = 200_000_000L;

    private static final int BAR_WIDTH = 20;

    private final Console console;
    private final int epochs;
    private long lastUpdateNanos = Long.MIN_VALUE;
    private int progressLength;
    private BatchEnd lastBatch;
    private RunEnd runEnd;

    /**
     * @param epochs the epochs of this run, shown as the total after each epoch number
     */
    ProgressPrinter(Console console, int epochs) {
        this.console = console;
        this.epochs = epochs;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof BatchEnd batch) {
            showBatch(batch);
        } else if (event instanceof EpochEnd end) {
            showEpoch(end.record());
        } else if (event instanceof RunEnd end) {
            clearProgress();
            runEnd = end;
        }
    }

    /** Returns the training throughput of the whole run, or empty before the first batch. */
    Optional<Double> samplesPerSecond() {
        return Optional.ofNullable(lastBatch).map(BatchEnd::samplesPerSecond);
    }

    /** Returns how the run ended, or empty while it is going on. */
    Optional<RunEnd> runEnd() {
        return Optional.ofNullable(runEnd);
    }

    private void showBatch(BatchEnd batch) {
        lastBatch = batch;
        long now = System.nanoTime();
        boolean lastOfEpoch = batch.batch() == batch.batchesPerEpoch();
        if (!lastOfEpoch && lastUpdateNanos != Long.MIN_VALUE && now - lastUpdateNanos < MIN_UPDATE_NANOS) {
            return;
        }
        lastUpdateNanos = now;

        String line = console.text("cli.train.progress",
                batch.epoch(), epochs, bar(batch), batch.batch(), batch.batchesPerEpoch(),
                batch.loss(), batch.accuracy(), batch.samplesPerSecond(), clock(batch.remaining()));
        // Spaces cover the rest of a longer previous line, since the carriage return does not erase it.
        String padding = " ".repeat(Math.max(0, progressLength - line.length()));
        console.out().print("\r" + line + padding);
        console.out().flush();
        progressLength = line.length();
    }

    private void showEpoch(EpochRecord record) {
        clearProgress();
        if (Double.isNaN(record.validationLoss())) {
            console.println("cli.train.epoch", record.epoch(), epochs,
                    record.trainLoss(), record.trainAccuracy(), record.seconds());
        } else {
            console.println("cli.train.epochWithValidation", record.epoch(), epochs,
                    record.trainLoss(), record.trainAccuracy(),
                    record.validationLoss(), record.validationAccuracy(), record.seconds());
        }
    }

    private void clearProgress() {
        if (progressLength > 0) {
            console.out().print("\r" + " ".repeat(progressLength) + "\r");
            console.out().flush();
            progressLength = 0;
        }
    }

    private static String bar(BatchEnd batch) {
        int filled = (int) Math.round((double) batch.batch() / batch.batchesPerEpoch() * BAR_WIDTH);
        return "=".repeat(filled) + " ".repeat(BAR_WIDTH - filled);
    }

    /** Formats a duration as h:mm:ss, or m:ss under an hour. */
    static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        if (hours > 0) {
            return String.format("%d:%02d:%02d", hours, minutes, seconds % 60);
        }
        return String.format("%d:%02d", minutes, seconds % 60);
    }
}
