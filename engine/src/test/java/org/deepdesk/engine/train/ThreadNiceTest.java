package org.deepdesk.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadNiceTest {

    private static final Path TASKS = Path.of("/proc/self/task");

    @Test
    void lowersOnlyThreadsNotKept() throws Exception {
        assumeTrue(Files.isDirectory(TASKS), "needs Linux /proc");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread probe = new Thread(() -> {
            started.countDown();
            try {
                finish.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, "nice-probe");
        probe.start();
        started.await();

        try {
            int before = niceOf("nice-probe").orElseThrow();
            int lowered = ThreadNice.lowerAllBut(name -> !name.equals("nice-probe"), ThreadNice.COMPUTE);

            assertThat(before).isLessThan(ThreadNice.COMPUTE);
            assertThat(lowered).isEqualTo(1);
            assertThat(niceOf("nice-probe")).hasValue(ThreadNice.COMPUTE);
            // A second call finds nothing left to lower.
            assertThat(ThreadNice.lowerAllBut(name -> !name.equals("nice-probe"), ThreadNice.COMPUTE)).isZero();
        } finally {
            finish.countDown();
            probe.join();
        }
    }

    /** Reads field 19 of /proc/self/task/TID/stat, the nice value, of the thread with this native name. */
    private static OptionalInt niceOf(String name) throws IOException {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                if (Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip().equals(name)) {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    // The name in brackets may hold spaces, so the fields are counted after its closing bracket.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return OptionalInt.of(Integer.parseInt(fields[16]));
                }
            }
        }
        return OptionalInt.empty();
    }
}
