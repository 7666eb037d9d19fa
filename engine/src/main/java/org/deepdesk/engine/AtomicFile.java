package org.deepdesk.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file so that it is either complete or untouched: the content goes to a temporary file
 * in the same folder, is flushed to disk and is then renamed over the target. A crash or a full
 * disk halfway leaves the previous file as it was.
 */
public final class AtomicFile {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);
    /** The age after which a later save of the same target deletes a temporary file. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    /** Writes a file's content to a stream; the stream must not be closed. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream output) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code content} to {@code target}, creating missing folders, and replaces any file
     * there only once the new one is on disk.
     *
     * @throws IOException when the file cannot be written; the target is unchanged then
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            // Files.createTempFile would make the file private to its owner, and the rename keeps that.
            temporary = Files.createFile(folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part"));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream output = Channels.newOutputStream(channel);
                content.writeTo(output);
                output.flush();
                channel.force(true);
            }
            moveIntoPlace(temporary, absolute);
        } catch (IOException | RuntimeException failed) {
            deleteQuietly(temporary);
            throw failed;
        }
        deleteStaleParts(folder, absolute.getFileName().toString());
    }

    /**
     * Deletes the temporary files that saves of the same target left behind when the process was
     * killed halfway. Only files older than {@link #STALE_AFTER} go, so a save of the same file
     * that another process is writing right now keeps its temporary file.
     */
    private static void deleteStaleParts(Path folder, String targetName) {
        FileTime cutoff = FileTime.from(Instant.now().minus(STALE_AFTER));
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "." + globEscaped(targetName) + ".*.part")) {
            for (Path part : parts) {
                if (Files.getLastModifiedTime(part).compareTo(cutoff) < 0) {
                    LOG.info("Deleting {}, left by a save that did not finish", part);
                    deleteQuietly(part);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // The save itself succeeded; leftover temporary files are only clutter.
            LOG.debug("Could not look for stale temporary files in {}", folder, unreadable);
        }
    }

    /** Escapes the characters that glob patterns treat specially, so a file name matches only itself. */
    private static String globEscaped(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{},])", "\\\\$1");
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            // Some network file systems cannot rename atomically; a plain replace is the best left.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            LOG.warn("Could not delete the temporary file {}", file, ignored);
        }
    }
}
