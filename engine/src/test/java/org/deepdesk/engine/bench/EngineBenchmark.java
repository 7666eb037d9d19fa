package org.deepdesk.engine.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.Backend;
import org.deepdesk.engine.train.NetworkBackend;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The engine speed benchmark: trains the reference CNN for a fixed number of samples
 * and compares with the PyTorch reference script when PyTorch is installed.
 *
 * <p>Run from the repository root (see docs/benchmarks.md, section "Engine speed"):
 * <pre>mvn -o -q -pl engine -am install -DskipTests
 * mvn -o -q -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.deepdesk.engine.bench.EngineBenchmark -Dexec.args="--threads 2"</pre>
 * Options: {@code --threads N} (OpenMP threads of ND4J and PyTorch, default 2), {@code --samples N}
 * (timed training samples per measurement, default 12800), {@code --backend native|dl4j},
 * {@code --dl4j-samples N} (also time Deeplearning4j on N samples), {@code --no-torch},
 * {@code --no-sweep} (skip the batch and width curves), {@code --batches 32,64}, {@code --no-inference}, {@code --profile} (ND4J op profile),
 * {@code --accuracy-epochs N} (train N full epochs of 60,000 images and report test accuracy
 * and resident memory per epoch), {@code --mnist DIR}, {@code --torch-script FILE}.
 */
public final class EngineBenchmark {

    private static final int WARMUP_STEPS = 20;

    private final Map<String, String> options;
    private final int threads;
    private final Path mnist;
    private final ImageDataset train;
    private final List<String> table = new ArrayList<>();

    private EngineBenchmark(Map<String, String> options) {
        this.options = options;
        this.threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        this.mnist = Path.of(options.getOrDefault("mnist", "sample-data/mnist"));
        this.train = MnistLoader.load(mnist, MnistSplit.TRAIN);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(key, flag ? "true" : args[++i]);
        }
        new EngineBenchmark(options).run();
    }

    private void run() throws Exception {
        setThreads(threads);
        describeMachine();
        Backend backend = options.getOrDefault("backend", "native").equals("dl4j") ? Backend.DL4J : Backend.NATIVE;
        int samples = Integer.parseInt(options.getOrDefault("samples", "12800"));
        boolean torch = !options.containsKey("no-torch") && torchAvailable();
        NetworkSpec reference = Presets.load("reference-cnn").network();

        if (options.containsKey("accuracy-epochs")) {
            accuracy(reference, backend, Integer.parseInt(options.get("accuracy-epochs")));
            return;
        }

        table.add("| measurement | batch | engine samples/s (overall) | at median step | PyTorch samples/s (overall) | at median step | ratio overall | ratio at median |");
        table.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        int[] batches = Arrays.stream(options.getOrDefault("batches", "32,64").split(",")).mapToInt(Integer::parseInt).toArray();
        for (int batch : batches) {
            Timing ours = time(reference, backend, batch, samples, options.containsKey("profile"));
            Timing theirs = torch ? torch(batch, samples) : null;
            row("reference CNN, " + backend.name().toLowerCase(Locale.ROOT), batch, ours, theirs);
        }
        if (options.containsKey("dl4j-samples")) {
            int dl4jSamples = Integer.parseInt(options.get("dl4j-samples"));
            for (int batch : new int[] {32, 64}) {
                row("reference CNN, dl4j", batch, time(reference, Backend.DL4J, batch, dl4jSamples, false), null);
            }
        }
        if (!options.containsKey("no-sweep")) {
            for (int batch : new int[] {16, 128}) {
                row("batch sweep, " + backend.name().toLowerCase(Locale.ROOT), batch, time(reference, backend, batch, samples, false), null);
            }
            for (int width : new int[] {2, 4}) {
                row("width x" + width + " (filters " + 32 * width + "/" + 64 * width + "/" + 64 * width + ")", 64,
                        time(widened(reference, width), backend, 64, samples / width, false), null);
            }
        }
        if (!options.containsKey("no-inference")) {
            inference(reference, backend);
        }
        System.out.println();
        table.forEach(System.out::println);
    }

    // ---- training throughput ----

    record Timing(double overall, double atMedian, double medianMs, long rssKb) {
    }

    private Timing time(NetworkSpec spec, Backend kind, int batch, int samples, boolean profile) {
        NetworkBackend backend = kind.create(spec, TrainingSettings.defaults().withBatchSize(batch), 10);
        int steps = Math.max(1, samples / batch);
        int[] order = permutation(train.size(), new Random(42));
        float[] features = new float[batch * train.sampleSize()];
        int[] labels = new int[batch];
        long[] stepNanos = new long[steps];
        long start = 0;
        double loss = 0;
        for (int step = -WARMUP_STEPS; step < steps; step++) {
            if (step == 0) {
                if (profile) {
                    Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
                    OpProfiler.getInstance().reset();
                }
                start = System.nanoTime();
            }
            long stepStart = System.nanoTime();
            // The input pipeline is timed too, as in the PyTorch script: gather a shuffled batch.
            int base = Math.floorMod(step, train.size() / batch) * batch;
            for (int i = 0; i < batch; i++) {
                int index = order[base + i];
                train.copyImage(index, features, i * train.sampleSize());
                labels[i] = train.labels()[index];
            }
            loss = backend.trainBatch(features, labels, batch).loss();
            if (step >= 0) {
                stepNanos[step] = System.nanoTime() - stepStart;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (profile) {
            OpProfiler.getInstance().printOutDashboard();
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
        }
        long[] sorted = stepNanos.clone();
        Arrays.sort(sorted);
        double medianMs = sorted[steps / 2] / 1e6;
        Timing timing = new Timing(steps * batch / seconds, batch * 1000.0 / medianMs, medianMs, rssKb());
        System.out.printf(Locale.ROOT, "engine=%s batch=%d steps=%d seconds=%.3f samples_per_s=%.1f step_ms_median=%.3f "
                        + "step_ms_p90=%.3f samples_per_s_at_median_step=%.1f last_loss=%.4f rss_mb=%d%n",
                kind, batch, steps, seconds, timing.overall(), medianMs, sorted[(int) (steps * 0.9)] / 1e6,
                timing.atMedian(), loss, timing.rssKb() / 1024);
        return timing;
    }

    private static NetworkSpec widened(NetworkSpec spec, int factor) {
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec layer : spec.layers()) {
            layers.add(layer instanceof Conv2DSpec conv
                    ? new Conv2DSpec(conv.filters() * factor, conv.kernel(), conv.stride(), conv.padding(), conv.activation())
                    : layer);
        }
        return spec.withLayers(layers).withName(spec.name() + " x" + factor);
    }

    private void row(String what, int batch, Timing ours, Timing theirs) {
        if (theirs == null) {
            table.add(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | | | | |", what, batch, ours.overall(), ours.atMedian()));
        } else {
            table.add(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f |", what, batch,
                    ours.overall(), ours.atMedian(), theirs.overall(), theirs.atMedian(),
                    ours.overall() / theirs.overall(), ours.atMedian() / theirs.atMedian()));
        }
    }

    // ---- inference latency and accuracy ----

    private void inference(NetworkSpec spec, Backend kind) {
        NetworkBackend backend = kind.create(spec, TrainingSettings.defaults(), 10);
        float[] image = train.image(0);
        for (int i = 0; i < 200; i++) {
            backend.predict(image, 1);
        }
        int iterations = 2000;
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            backend.predict(image, 1);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double median = nanos[iterations / 2] / 1e6;
        double p95 = nanos[(int) (iterations * 0.95)] / 1e6;
        System.out.printf(Locale.ROOT, "engine=%s infer_latency_ms_median=%.4f infer_latency_ms_p95=%.4f%n", kind, median, p95);
        table.add(String.format(Locale.ROOT, "| batch-1 inference latency, %s | 1 | median %.3f ms | p95 %.3f ms | | | | |",
                kind.name().toLowerCase(Locale.ROOT), median, p95));
    }

    private void accuracy(NetworkSpec spec, Backend kind, int epochs) {
        ImageDataset test = MnistLoader.load(mnist, MnistSplit.TEST);
        int batch = 64;
        NetworkBackend backend = kind.create(spec, TrainingSettings.defaults().withBatchSize(batch), 10);
        Random random = new Random(42);
        float[] features = new float[batch * train.sampleSize()];
        int[] labels = new int[batch];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            int[] order = permutation(train.size(), random);
            long start = System.nanoTime();
            double lossSum = 0;
            long peakRss = 0;
            for (int base = 0; base < train.size(); base += batch) {
                int count = Math.min(batch, train.size() - base);
                float[] input = count == batch ? features : new float[count * train.sampleSize()];
                for (int i = 0; i < count; i++) {
                    train.copyImage(order[base + i], input, i * train.sampleSize());
                    labels[i] = train.labels()[order[base + i]];
                }
                lossSum += backend.trainBatch(input, labels, count).loss() * count;
                if ((base / batch) % 100 == 0) {
                    peakRss = Math.max(peakRss, rssKb());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double accuracy = testAccuracy(backend, test);
            System.out.printf(Locale.ROOT, "epoch=%d seconds=%.1f samples_per_s=%.0f train_loss=%.4f test_acc=%.4f rss_mb=%d "
                            + "peak_rss_mb=%d java_heap_committed_mb=%d javacpp_tracked_mb=%d%n",
                    epoch, seconds, train.size() / seconds, lossSum / train.size(), accuracy, rssKb() / 1024, peakRss / 1024,
                    Runtime.getRuntime().totalMemory() >> 20, org.bytedeco.javacpp.Pointer.totalBytes() >> 20);
        }
    }

    private static double testAccuracy(NetworkBackend backend, ImageDataset test) {
        int batch = 500;
        float[] features = new float[batch * test.sampleSize()];
        int correct = 0;
        for (int base = 0; base < test.size(); base += batch) {
            int count = Math.min(batch, test.size() - base);
            for (int i = 0; i < count; i++) {
                test.copyImage(base + i, features, i * test.sampleSize());
            }
            float[] probabilities = backend.predict(count == batch ? features : Arrays.copyOf(features, count * test.sampleSize()), count);
            for (int i = 0; i < count; i++) {
                int best = 0;
                for (int k = 1; k < 10; k++) {
                    if (probabilities[i * 10 + k] > probabilities[i * 10 + best]) {
                        best = k;
                    }
                }
                if (best == test.labels()[base + i]) {
                    correct++;
                }
            }
        }
        return (double) correct / test.size();
    }

    // ---- PyTorch reference ----

    private static boolean torchAvailable() {
        try {
            Process process = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException | InterruptedException unavailable) {
            return false;
        }
    }

    private Timing torch(int batch, int samples) throws IOException, InterruptedException {
        String script = options.getOrDefault("torch-script", "../shared/bench/peer_pytorch.py");
        // The same threads and the same malloc tuning as the engine, which tunes glibc in-process.
        List<String> command = List.of("/usr/bin/python3", script, "--data", mnist.toString(), "--epochs", "1",
                "--batch", String.valueOf(batch), "--threads", String.valueOf(threads),
                "--limit", String.valueOf(samples), "--infer-iters", "0", "--malloc-tune");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", String.valueOf(threads));
        Process process = builder.start();
        Map<String, String> values = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                System.out.println("torch: " + line);
                for (String pair : line.split(" ")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0) {
                        values.put(pair.substring(0, equals), pair.substring(equals + 1));
                    }
                }
            }
        }
        if (process.waitFor() != 0 || !values.containsKey("samples_per_s")) {
            throw new IOException("the PyTorch reference failed: " + values);
        }
        return new Timing(Double.parseDouble(values.get("samples_per_s")),
                Double.parseDouble(values.get("samples_per_s_at_median_step")),
                Double.parseDouble(values.get("step_ms_median")), 0);
    }

    // ---- machine ----

    private static void setThreads(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    private void describeMachine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst().map(line -> line.replaceFirst(".*:\\s*", "")).orElse("?");
        System.out.printf(Locale.ROOT, "machine: nproc=%d cpu=\"%s\" jdk=%s threads=%d omp_env=%s glibc_tunables=%s nd4j_variant=%s%n",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.vm.version"), threads,
                System.getenv("OMP_NUM_THREADS"), System.getenv("GLIBC_TUNABLES"), nativeVariant());
        table.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), " + cpu + ", JDK "
                + System.getProperty("java.vm.version") + ", " + threads + " threads, ND4J " + nativeVariant());
        table.add("");
    }

    private static String nativeVariant() {
        String path = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                if (line.contains("libnd4jcpu")) {
                    return line.replaceFirst(".*/([^/]+)/libnd4jcpu.*", "$1");
                }
            }
        } catch (IOException ignored) {
            // Fall back to the jar.
        }
        return path;
    }

    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException ignored) {
            // Not Linux.
        }
        return 0;
    }

    private static int[] permutation(int size, Random random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
