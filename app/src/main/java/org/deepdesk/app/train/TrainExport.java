package org.deepdesk.app.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.concurrent.Task;
import org.deepdesk.engine.train.HistoryCsv;
import org.deepdesk.engine.train.TrainingHistory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Tasks that write a chart as PNG or a training history as CSV. Each writes a temporary file next
 * to the target and then moves it into place, so a failed export never leaves half a file.
 */
final class TrainExport {

    /** The size of exported chart pictures, large enough for slides. */
    static final int PNG_WIDTH = 1600;
    static final int PNG_HEIGHT = 900;

    private TrainExport() {
    }

    /**
     * Draws the chart now, on the calling FX thread, because the training curves change only
     * there; returns the task that encodes and writes the picture.
     */
    static Task<Path> png(JFreeChart chart, Path target) {
        BufferedImage image = chart.createBufferedImage(PNG_WIDTH, PNG_HEIGHT);
        return new Task<>() {
            @Override
            protected Path call() throws IOException {
                return writeAtomically(target, temporary -> {
                    try (OutputStream output = Files.newOutputStream(temporary)) {
                        ChartUtils.writeBufferedImageAsPNG(output, image);
                    }
                });
            }
        };
    }

    /** Returns the task that writes the history, a snapshot that later training does not change. */
    static Task<Path> csv(TrainingHistory history, Path target) {
        return new Task<>() {
            @Override
            protected Path call() throws IOException {
                return writeAtomically(target, temporary -> {
                    try (Writer output = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                        HistoryCsv.write(history, output);
                    }
                });
            }
        };
    }

    @FunctionalInterface
    private interface FileWriting {
        void write(Path file) throws IOException;
    }

    private static Path writeAtomically(Path target, FileWriting writing) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
        try {
            writing.write(temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return absolute;
    }
}
