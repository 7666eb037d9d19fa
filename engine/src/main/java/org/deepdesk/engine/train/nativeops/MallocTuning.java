package org.deepdesk.engine.train.nativeops;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps glibc from returning large freed blocks to the kernel, in-process, as
 * {@code GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=...}
 * would from outside.
 *
 * <p>Why: oneDNN's {@code conv2d_bp} and libnd4j allocate multi-megabyte scratch buffers on
 * every call. With glibc's defaults each one is a fresh {@code mmap}, so every training step
 * page-faults its scratch memory in again; with two OpenMP threads a step of the reference CNN
 * went from about 17 ms to 650 ms. Measured in {@code docs/benchmarks.md}. The PyTorch reference
 * script offers the same tuning through {@code mallopt}.
 */
final class MallocTuning {

    private static final Logger LOG = LoggerFactory.getLogger(MallocTuning.class);
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_ARENA_MAX = -8;
    /** Blocks up to 32 MiB come from the heap, which keeps them mapped between steps. */
    private static final int MMAP_THRESHOLD = 32 * 1024 * 1024;
    private static volatile boolean applied;

    private MallocTuning() {
    }

    interface C extends Library {
        int mallopt(int parameter, int value);

        int malloc_trim(long pad);
    }

    /** The C library, once the tuning is applied on glibc; null elsewhere. */
    private static volatile C library;

    /** Applies the tuning once per process, on Linux with glibc; elsewhere does nothing. */
    static synchronized void apply() {
        if (applied || Boolean.getBoolean("deepdesk.nativeops.noMallocTuning")) {
            return;
        }
        applied = true;
        if (!Platform.isLinux()) {
            return;
        }
        try {
            C c = Native.loadLibrary("c", C.class);
            int mmap = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
            int trim = c.mallopt(M_TRIM_THRESHOLD, Integer.MAX_VALUE);
            // One arena: the OpenMP workers' frees then land where the next step allocates again.
            int arenas = c.mallopt(M_ARENA_MAX, 1);
            library = c;
            LOG.debug("mallopt mmap threshold: {}, trim threshold: {}, arenas: {}", mmap, trim, arenas);
        } catch (LinkageError | RuntimeException unavailable) {
            // Not glibc (musl) or no JNA: training still works, only slower.
            LOG.info("Could not tune malloc for native training: {}", unavailable.toString());
        }
    }

    /**
     * Returns the free memory of the C heap to the kernel, which the tuning otherwise keeps for
     * good. Meant for the end of an epoch or a run: the next steps fault their scratch memory in
     * once more, a few milliseconds against an epoch's seconds, and a finished network's buffers
     * no longer count against the machine. Does nothing where the tuning was not applied.
     */
    static void trim() {
        C c = library;
        if (c != null) {
            c.malloc_trim(0);
        }
    }
}
