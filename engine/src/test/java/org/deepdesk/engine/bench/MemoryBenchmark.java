package org.deepdesk.engine.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.StopSignal;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.engine.train.Trainer;
import org.deepdesk.engine.train.TrainingEvent.EpochEnd;
import org.deepdesk.engine.train.TrainingListener;

/**
 * The memory benchmark: resident size (VmRSS) of the process after each epoch of a 5-epoch run
 * of the reference CNN, then after each of ten cycles that create a fresh network and train it
 * for one epoch. Flat memory means epoch 5 within 10% of epoch 1 and no growth over the cycles.
 *
 * <p>Run from the repository root (see docs/benchmarks.md, "Training UI smoothness and memory"):
 * <pre>./mvnw -o -q -pl engine -am install -DskipTests
 * ./mvnw -o -q -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.deepdesk.engine.bench.MemoryBenchmark -Dexec.args="6000"</pre>
 * Arguments: the number of MNIST training images (default 6000), and {@code --gc} to run a full
 * garbage collection before each reading, wait 500 ms for ND4J's deallocator threads and return
 * free C-heap memory with {@link TrainableNetwork#releaseFreeMemory()}. That separates garbage
 * that still keeps off-heap ND4J buffers from a leak. {@code --as-app} instead requests a
 * collection after each cycle's first epoch, as the workbench does when a new network replaces
 * the old one. Linux only, because it reads /proc/self/status.
 */
public final class MemoryBenchmark {

    private static final int EPOCHS = 5;
    private static final int CYCLES = 10;

    private static boolean collectFirst;
    private static boolean collectReplaced;

    /** What the workbench does after the first epoch of a network that replaced another. */
    private static final TrainingListener COLLECT_AFTER_FIRST_EPOCH = event -> {
        if (event instanceof EpochEnd end && end.record().epoch() == 1) {
            System.gc();
        }
    };

    private MemoryBenchmark() {
    }

    public static void main(String[] args) {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        collectFirst = List.of(args).contains("--gc");
        collectReplaced = List.of(args).contains("--as-app");
        ImageDataset training = MnistLoader.load(Path.of("sample-data/mnist"), MnistSplit.TRAIN).head(images);
        NetworkDocument reference = Presets.load(Presets.DEFAULT_ID);
        TrainingSettings settings = reference.training().withEpochs(EPOCHS).withTrainingLimit(0);
        TrainableNetwork network = TrainableNetwork.create(reference.network(), settings, MnistLoader.CLASS_COUNT);
        print("start", 0, network);

        // The listener runs on the training thread right after each epoch's validation and snapshot.
        TrainingListener perEpoch = event -> {
            if (event instanceof EpochEnd end) {
                print("epoch " + end.record().epoch(), end.record().seconds(), network);
            }
        };
        long firstRunStart = System.nanoTime();
        Trainer.run(network, training, settings, perEpoch, new StopSignal());
        System.out.printf(Locale.ROOT, "5-epoch run: %.0f s%n", (System.nanoTime() - firstRunStart) / 1e9);

        TrainingSettings oneEpoch = settings.withEpochs(1);
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            long start = System.nanoTime();
            TrainableNetwork fresh = TrainableNetwork.create(reference.network(), oneEpoch, MnistLoader.CLASS_COUNT);
            Trainer.run(fresh, training, oneEpoch, collectReplaced ? COLLECT_AFTER_FIRST_EPOCH : TrainingListener.NONE,
                    new StopSignal());
            print("cycle " + cycle, (System.nanoTime() - start) / 1e9, fresh);
        }
    }

    private static void print(String step, double seconds, TrainableNetwork network) {
        if (collectFirst) {
            System.gc();
            // ND4J frees the native buffers of collected arrays on its own deallocator threads, after the collection.
            try {
                Thread.sleep(500);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            network.releaseFreeMemory();
        }
        Runtime runtime = Runtime.getRuntime();
        long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        System.out.printf(Locale.ROOT, "%-9s RSS %6d MB  heap used %5d MB  (%.1f s)%n",
                step, EngineBenchmark.rssKb() / 1024, heapMb, seconds);
    }
}
