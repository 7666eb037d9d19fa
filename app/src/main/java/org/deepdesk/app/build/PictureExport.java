package org.deepdesk.app.build;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes a snapshot of the network picture as PNG. The snapshot is taken on the FX thread; the
 * encoding and writing run in the returned task, into a temporary file that then replaces the
 * target, so a failed export never leaves half a file.
 */
final class PictureExport {

    private PictureExport() {
    }

    /** Takes the snapshot now and returns the task that writes it; the caller runs the task. */
    static Task<Path> task(NetworkPicture picture, Path target) {
        WritableImage snapshot = picture.snapshot(null, null);
        return new Task<>() {
            @Override
            protected Path call() throws IOException {
                BufferedImage image = SwingFXUtils.fromFXImage(snapshot, null);
                Path absolute = target.toAbsolutePath();
                Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
                try {
                    if (!ImageIO.write(image, "png", temporary.toFile())) {
                        throw new IOException("no PNG writer available");
                    }
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
        };
    }
}
