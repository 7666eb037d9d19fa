package org.deepdesk.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.deepdesk.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a process in the middle of saving a model over an existing file, several times, and checks
 * that the file always loads as one complete save: the atomic rename in {@link ModelStore#save}
 * is what this proves.
 */
class ModelStoreKillTest {

    private static final Logger LOG = LoggerFactory.getLogger(ModelStoreKillTest.class);

    /** The wall-clock budget of the whole test; each kill needs a fresh JVM, which loads ND4J first. */
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final int MAX_KILLS = 4;
    private static final long FIRST_SAVE_TIMEOUT_SECONDS = 60;

    @TempDir
    Path folder;

    @Test
    void killedSaveLeavesLoadableFile() throws Exception {
        Path target = folder.resolve("model" + ModelStore.EXTENSION);
        ModelStore.save(SaveLoop.network("before"), target);
        Random random = new Random(11);
        List<String> loadedNames = new ArrayList<>();
        long deadline = System.nanoTime() + BUDGET_NANOS;

        for (int kill = 0; kill < MAX_KILLS && (kill == 0 || System.nanoTime() < deadline); kill++) {
            Process child = startSaveLoop(target);
            AtomicLong saves = new AtomicLong();
            CountDownLatch firstSave = new CountDownLatch(1);
            Thread reader = readSaves(child, saves, firstSave);
            try {
                assertThat(firstSave.await(FIRST_SAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                        .as("the child JVM saved once").isTrue();
                Thread.sleep(random.nextInt(300));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                reader.join(5_000);
            }

            TrainableNetwork loaded = ModelStore.load(target);

            assertThat(saves.get()).isPositive();
            assertThat(loaded.spec().name()).isIn(SaveLoop.NAMES);
            assertThat(loaded.predict(new float[784])).hasSize(10);
            loadedNames.add(loaded.spec().name());
        }

        assertThat(loadedNames).hasSizeGreaterThanOrEqualTo(1);
        // A kill during a write leaves its temporary file behind, which shows that some kills hit a save in progress.
        LOG.info("{} kills, {} left a partial temporary file; the target loaded as {}",
                loadedNames.size(), countPartialFiles(), loadedNames);
    }

    private long countPartialFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".part")).count();
        }
    }

    private static Process startSaveLoop(Path target) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                SaveLoop.class.getName(), target.toString());
        builder.redirectErrorStream(true);
        return builder.start();
    }

    /** Counts the child's {@code saved N} lines on a daemon thread until its output ends. */
    private static Thread readSaves(Process child, AtomicLong saves, CountDownLatch firstSave) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("saved ")) {
                        saves.incrementAndGet();
                        firstSave.countDown();
                    }
                }
            } catch (IOException closed) {
                // The stream closes when the child is killed.
            }
        }, "save-loop-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    @Test
    void halfWrittenFileFailsLoad() throws IOException {
        // The control for the test above: a save cut off halfway does not load, so loads after
        // kills show that only complete files ever took the target's name.
        Path target = folder.resolve("cut" + ModelStore.EXTENSION);
        ModelStore.save(SaveLoop.network("first"), target);
        byte[] complete = Files.readAllBytes(target);
        Files.write(target, Arrays.copyOf(complete, complete.length / 2));

        assertThatThrownBy(() -> ModelStore.load(target)).isInstanceOf(EngineException.class);
    }
}
