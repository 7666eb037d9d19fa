package org.deepdesk.engine.train;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority (raises the Linux nice value) of this process's threads, so that
 * training yields the CPU to threads that must respond quickly, such as a UI's.
 *
 * <p>Training keeps every core busy with threads that Java does not create: the OpenMP, BLAS and
 * libnd4j workers of ND4J. Java's thread priorities do not reach them, but on Linux each thread
 * has its own nice value, which {@code setpriority(PRIO_PROCESS, tid, nice)} sets. Threads are
 * found by their native names in {@code /proc/self/task}; a worker created later by a lowered
 * thread inherits its nice value. Lowering needs no privileges; raising it back would, so this
 * only ever lowers. Elsewhere than Linux it does nothing.
 */
public final class ThreadNice {

    /** The nice value for compute threads: they still get all idle CPU, but yield it within a few milliseconds. */
    public static final int COMPUTE = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ThreadNice.class);
    private static final int PRIO_PROCESS = 0;
    private static final Path TASKS = Path.of("/proc/self/task");

    private ThreadNice() {
    }

    interface C extends Library {
        int setpriority(int which, int who, int prio);

        int getpriority(int which, int who);
    }

    private static final class Holder {
        static final C LIBRARY = load();

        private static C load() {
            if (!Platform.isLinux()) {
                return null;
            }
            try {
                return Native.loadLibrary("c", C.class);
            } catch (LinkageError | RuntimeException unavailable) {
                LOG.info("Could not load the C library to lower thread priorities: {}", unavailable.toString());
                return null;
            }
        }
    }

    /**
     * Sets the nice value of every thread of this process whose native name {@code keep} does not
     * accept, and that is below {@code nice}, to {@code nice}.
     *
     * @param keep accepts the native names (at most 15 characters) of threads to leave as they are
     * @return the number of threads lowered
     */
    public static int lowerAllBut(Predicate<String> keep, int nice) {
        C library = Holder.LIBRARY;
        if (library == null) {
            return 0;
        }
        int lowered = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                if (lower(library, task, keep, nice)) {
                    lowered++;
                }
            }
        } catch (IOException unreadable) {
            LOG.debug("Could not list the threads in {}", TASKS, unreadable);
        }
        return lowered;
    }

    private static boolean lower(C library, Path task, Predicate<String> keep, int nice) {
        int tid;
        String name;
        try {
            tid = Integer.parseInt(task.getFileName().toString());
            name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException | NumberFormatException gone) {
            // The thread ended between listing and reading.
            return false;
        }
        if (keep.test(name)) {
            return false;
        }
        // getpriority returns the nice value itself for PRIO_PROCESS on Linux (glibc converts it).
        if (library.getpriority(PRIO_PROCESS, tid) >= nice) {
            return false;
        }
        return library.setpriority(PRIO_PROCESS, tid, nice) == 0;
    }
}
