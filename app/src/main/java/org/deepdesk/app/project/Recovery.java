package org.deepdesk.app.project;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.deepdesk.app.RecoveryFolder;
import org.deepdesk.engine.AtomicFile;
import org.deepdesk.engine.project.ProjectFile;
import org.deepdesk.engine.project.ProjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The autosave files in the recovery folder. Each running DeepDesk has a {@link Session} with
 * its own files, named by a random id:
 * <ul>
 *   <li>{@code autosave-<id>.deepdesk}: the unsaved work, a project file written by autosave;</li>
 *   <li>{@code autosave-<id>.properties}: the project file it belongs to, if it was saved before;</li>
 *   <li>{@code autosave-<id>.lock}: locked while the session runs.</li>
 * </ul>
 * A clean save removes the first two, a clean exit all three. Files whose lock no process holds
 * were left by a DeepDesk that crashed or was killed, and are offered for restoring at the next
 * start. The lock keeps a second DeepDesk, started while the first runs, from offering the
 * first's live autosave.
 */
public final class Recovery {

    static final String PREFIX = "autosave-";
    static final String LOCK = ".lock";
    static final String INFO = ".properties";
    private static final String SOURCE_KEY = "source";
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final Path folder;

    public Recovery(Path folder) {
        this.folder = folder;
    }

    /** Returns the recovery files of this user, in {@link RecoveryFolder#current()}. */
    public static Recovery forUser() {
        return new Recovery(RecoveryFolder.current());
    }

    public Path folder() {
        return folder;
    }

    /**
     * Unsaved work left by a session that did not end cleanly.
     *
     * @param file the autosaved project
     * @param source the project file the work belongs to, or empty for a project never saved
     * @param savedAt when autosave last wrote it
     */
    public record Entry(Path file, Optional<Path> source, Instant savedAt) {
    }

    /**
     * Starts this session: creates and locks its lock file. Nothing else is written until the
     * first autosave.
     *
     * @throws IOException when the folder cannot be created or the lock file written
     */
    public Session startSession() throws IOException {
        Files.createDirectories(folder);
        String id = UUID.randomUUID().toString();
        Path lockFile = folder.resolve(PREFIX + id + LOCK);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("could not lock " + lockFile);
            }
            return new Session(id, channel, lock);
        } catch (IOException | RuntimeException failed) {
            channel.close();
            Files.deleteIfExists(lockFile);
            throw failed;
        }
    }

    /**
     * Returns the work left by sessions that ended without a clean exit, newest first, and
     * removes the lock files of such sessions that had nothing to leave. Files of running
     * sessions, this one's included, are left out.
     */
    public List<Entry> leftOver() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + LOCK)) {
            for (Path lockFile : files) {
                String id = idOf(lockFile, LOCK);
                if (!isHeld(lockFile)) {
                    deletePartialWrites(id);
                    if (!Files.exists(projectFile(id))) {
                        deleteQuietly(lockFile);
                    }
                }
            }
        } catch (IOException failed) {
            LOG.warn("Could not list the recovery folder {}", folder, failed);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + ProjectStore.EXTENSION)) {
            for (Path file : files) {
                String id = idOf(file, ProjectStore.EXTENSION);
                if (!isHeld(lockFile(id))) {
                    entries.add(new Entry(file, readSource(id), Files.getLastModifiedTime(file).toInstant()));
                }
            }
        } catch (IOException failed) {
            LOG.warn("Could not list the recovery folder {}", folder, failed);
        }
        entries.sort(Comparator.comparing(Entry::savedAt).reversed());
        return entries;
    }

    /** Deletes the files of left-over work, after it was restored or the user declined it. */
    public void discard(Entry entry) {
        String id = idOf(entry.file(), ProjectStore.EXTENSION);
        deleteQuietly(projectFile(id));
        deleteQuietly(infoFile(id));
        deleteQuietly(lockFile(id));
    }

    /** Deletes the temporary files of an autosave that the crash interrupted (see {@link AtomicFile}). */
    private void deletePartialWrites(String id) {
        try (DirectoryStream<Path> partial = Files.newDirectoryStream(folder, "." + PREFIX + id + "*.part")) {
            partial.forEach(Recovery::deleteQuietly);
        } catch (IOException failed) {
            LOG.warn("Could not list the recovery folder {}", folder, failed);
        }
    }

    private Path projectFile(String id) {
        return folder.resolve(PREFIX + id + ProjectStore.EXTENSION);
    }

    private Path infoFile(String id) {
        return folder.resolve(PREFIX + id + INFO);
    }

    private Path lockFile(String id) {
        return folder.resolve(PREFIX + id + LOCK);
    }

    private static String idOf(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.substring(PREFIX.length(), name.length() - suffix.length());
    }

    private Optional<Path> readSource(String id) {
        Properties info = new Properties();
        try (Reader reader = Files.newBufferedReader(infoFile(id), StandardCharsets.UTF_8)) {
            info.load(reader);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException unreadable) {
            LOG.warn("Ignoring the unreadable recovery note {}", infoFile(id), unreadable);
            return Optional.empty();
        }
        String source = info.getProperty(SOURCE_KEY, "");
        try {
            return source.isBlank() ? Optional.empty() : Optional.of(Path.of(source));
        } catch (InvalidPathException invalid) {
            return Optional.empty();
        }
    }

    /** Whether a running DeepDesk, this one or another, holds the lock. */
    private static boolean isHeld(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException ownSession) {
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException failed) {
            // Better to skip work that may be another DeepDesk's than to offer it while that one runs.
            LOG.warn("Could not check the lock {}", lockFile, failed);
            return true;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException failed) {
            LOG.warn("Could not delete {}", file, failed);
        }
    }

    /** The recovery files of the running DeepDesk. Call its methods from one thread at a time. */
    public final class Session implements AutoCloseable {

        private final String id;
        private final FileChannel channel;
        private final FileLock lock;

        private Session(String id, FileChannel channel, FileLock lock) {
            this.id = id;
            this.channel = channel;
            this.lock = lock;
        }

        /** The file autosave writes the work to. */
        public Path file() {
            return projectFile(id);
        }

        /**
         * Writes the unsaved work, and the project file it belongs to, if any.
         *
         * @throws org.deepdesk.engine.EngineException when the project cannot be written
         * @throws UncheckedIOException when the note of its project file cannot be written
         */
        public void write(ProjectFile project, Path source) {
            ProjectStore.save(project, file());
            Properties info = new Properties();
            info.setProperty(SOURCE_KEY, source == null ? "" : source.toAbsolutePath().toString());
            try {
                AtomicFile.write(infoFile(id), output -> {
                    Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
                    info.store(writer, "The project file that the autosave beside this note belongs to");
                    writer.flush();
                });
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }

        /** Removes the autosaved work, after a clean save; the session goes on. */
        public void clear() {
            deleteQuietly(file());
            deleteQuietly(infoFile(id));
        }

        /** Removes every file of the session, at a clean exit. */
        @Override
        public void close() {
            clear();
            try {
                lock.release();
                channel.close();
            } catch (IOException failed) {
                LOG.warn("Could not release the lock {}", lockFile(id), failed);
            }
            deleteQuietly(lockFile(id));
        }
    }
}
