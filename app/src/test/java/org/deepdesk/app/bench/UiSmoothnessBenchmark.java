package org.deepdesk.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.app.shell.MainWindow;
import org.deepdesk.app.train.TrainViewModel;

/**
 * The UI smoothness benchmark: opens the real main window, trains the reference CNN through
 * {@link TrainViewModel} and records the interval between consecutive JavaFX pulses with an
 * {@link AnimationTimer}. A long interval is a frame the FX thread could not draw in time.
 *
 * <p>Run from the repository root (see docs/benchmarks.md, "Training UI smoothness and memory"):
 * <pre>./mvnw -o -q install -DskipTests
 * ./mvnw -o -q -pl app test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/app-cp.txt -Dmdep.includeScope=test
 * java -cp app/target/test-classes:app/target/classes:$(cat /tmp/app-cp.txt) \
 *     org.deepdesk.app.bench.UiSmoothnessBenchmark 6000 --headless</pre>
 * ({@code exec:java} in the app module always starts the command-line entry point.)
 * Arguments: the number of training images (default 6000), {@code --headless} to render on
 * Monocle's headless platform with the software pipeline instead of a display, and
 * {@code --epochs N} (default 1), and {@code --settle S}, the seconds between showing the window
 * and pressing Train (default 3). The Train tab is opened with the window and shown during the run.
 *
 * <p>While it runs, a {@link StallSampler} looks at the FX thread whenever no pulse came for
 * 30 ms and reports where it was. That separates work on the FX thread from a thread that waits
 * for a core.
 */
public final class UiSmoothnessBenchmark {

    private UiSmoothnessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        List<String> options = List.of(args);
        int epochs = intOption(options, "--epochs", 1);
        int settleSeconds = intOption(options, "--settle", 3);
        if (options.contains("--headless")) {
            // The same platform the TestFX suite uses; it must be chosen before the toolkit starts.
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        Workbench workbench = new Workbench(Locale.ENGLISH);
        PulseRecorder recorder = new PulseRecorder();
        StallSampler stalls = new StallSampler(recorder);
        CountDownLatch finished = new CountDownLatch(1);
        runOnFxThread(() -> {
            Stage window = new Stage();
            new MainWindow(workbench, window).show();
            // The Train tab shows the live charts, whose redraws are the FX thread's main work during a run.
            TabPane tabs = (TabPane) window.getScene().lookup("#mainTabs");
            tabs.getTabs().stream().filter(tab -> "trainTab".equals(tab.getId())).findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
            return window;
        });
        // A user opens the Train tab and looks at it before pressing Train. By then the toolkit's
        // first-frame work (native libraries, CSS, class loading) is over, so it is left out here.
        Thread.sleep(settleSeconds * 1000L);

        Platform.runLater(() -> {
            TrainViewModel train = workbench.train();
            train.epochsProperty().set(epochs);
            recorder.progressFrom(() -> train.progressProperty().get());
            stalls.watch(Thread.currentThread());
            train.trainingLimitProperty().set(images);
            // Progress is -1 while the images load, so the first positive value marks the first batch.
            train.progressProperty().addListener((observable, old, progress) -> {
                if (progress.doubleValue() > 0) {
                    recorder.markTraining();
                }
            });
            train.runningProperty().addListener((observable, wasRunning, running) -> {
                if (!running) {
                    recorder.stop();
                    finished.countDown();
                }
            });
            recorder.start();
            train.start();
        });

        if (!finished.await(30, TimeUnit.MINUTES)) {
            System.out.println("The run did not end within 30 minutes");
        }
        stalls.stop();
        report(workbench, "whole run", recorder.intervalsMillis());
        report(workbench, "training only", recorder.trainingIntervalsMillis());
        stalls.report();
        System.out.println("Gaps over 40 ms:");
        recorder.longGaps().forEach(gap -> System.out.println("  " + gap));
        Platform.runLater(() -> {
            workbench.shutdown();
            Platform.exit();
        });
        System.exit(0);
    }

    private static int intOption(List<String> options, String name, int fallback) {
        int index = options.indexOf(name);
        return index < 0 ? fallback : Integer.parseInt(options.get(index + 1));
    }

    private static <T> T runOnFxThread(Supplier<T> action) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            result.set(action.get());
            done.countDown();
        });
        done.await();
        return result.get();
    }

    private static void report(Workbench workbench, String phase, List<Double> intervals) {
        TrainViewModel train = workbench.train();
        List<Double> sorted = new ArrayList<>(intervals);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "network %s, training images %d, run log %d run(s), error %s%n",
                workbench.build().spec().name(), train.trainingLimitProperty().get(), train.runLog().runs().size(),
                train.errorProperty().get());
        if (sorted.isEmpty()) {
            System.out.println("No pulses were recorded");
            return;
        }
        double total = intervals.stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "%s: frames %d over %.1f s: median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                phase, sorted.size(), total / 1000, percentile(sorted, 0.5), percentile(sorted, 0.95),
                percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
        System.out.printf(Locale.ROOT, "frames over 50 ms: %d, over 20 ms: %d%n",
                sorted.stream().filter(gap -> gap > 50).count(), sorted.stream().filter(gap -> gap > 20).count());
    }

    private static double percentile(List<Double> sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** Records the time between consecutive pulses; the FX thread calls {@link #handle}. */
    private static final class PulseRecorder extends AnimationTimer {

        private static final double LONG_GAP_MILLIS = 40;

        private final List<String> longGaps = new ArrayList<>();
        private DoubleSupplier progress = () -> Double.NaN;
        private long firstPulse;

        /** Sets where the long-gap list reads the training progress from; call on the FX thread before start. */
        void progressFrom(DoubleSupplier source) {
            progress = source;
        }

        synchronized List<String> longGaps() {
            return new ArrayList<>(longGaps);
        }

        private final List<Double> intervals = new ArrayList<>();
        private long previous;
        private int firstTrainingInterval = -1;

        /** Marks that training batches have begun; the data loading before it is left out of one report. */
        synchronized void markTraining() {
            if (firstTrainingInterval < 0) {
                firstTrainingInterval = intervals.size();
            }
        }

        @Override
        public synchronized void handle(long now) {
            if (previous != 0) {
                double gap = (now - previous) / 1e6;
                intervals.add(gap);
                if (gap > LONG_GAP_MILLIS) {
                    longGaps.add(String.format(Locale.ROOT, "%.1f ms ending at %.2f s, progress %.3f",
                            gap, (now - firstPulse) / 1e9, progress.getAsDouble()));
                }
            } else {
                firstPulse = now;
            }
            previous = now;
            lastPulseNanos = System.nanoTime();
        }

        /** The {@link System#nanoTime()} of the latest pulse, read by the stall sampler's thread. */
        volatile long lastPulseNanos = System.nanoTime();

        /** Returns a copy of the intervals; call after {@link #stop()} or from the FX thread. */
        synchronized List<Double> intervalsMillis() {
            return new ArrayList<>(intervals);
        }

        synchronized List<Double> trainingIntervalsMillis() {
            return firstTrainingInterval < 0 ? List.of() : new ArrayList<>(intervals.subList(firstTrainingInterval, intervals.size()));
        }
    }

    /**
     * Samples the FX thread's state and top stack frame every 5 ms while no pulse has come for
     * 30 ms. A thread found RUNNABLE in application or chart code is doing too much work per
     * frame. One found WAITING in the toolkit's event loop is ready but gets no pulse, as when
     * the pulse timer or the FX thread waits for a core.
     */
    private static final class StallSampler {

        private static final long STALL_NANOS = 30_000_000L;

        private final PulseRecorder recorder;
        private final Map<String, Integer> samples = new TreeMap<>();
        private volatile boolean running = true;
        private Thread sampler;

        StallSampler(PulseRecorder recorder) {
            this.recorder = recorder;
        }

        void watch(Thread fxThread) {
            sampler = new Thread(() -> sample(fxThread), "stall-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample(Thread fxThread) {
            while (running) {
                if (System.nanoTime() - recorder.lastPulseNanos > STALL_NANOS) {
                    String where = describe(fxThread.getState(), fxThread.getStackTrace());
                    // The FX thread often waits for the render thread, so that one is sampled too.
                    Thread renderer = renderThread();
                    String rendering = renderer == null ? "" : "  |  render: " + describe(renderer.getState(), renderer.getStackTrace());
                    synchronized (samples) {
                        samples.merge(where + rendering, 1, Integer::sum);
                    }
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }

        private Thread renderThread;

        private Thread renderThread() {
            if (renderThread == null) {
                renderThread = Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> thread.getName().startsWith("QuantumRenderer"))
                        .findFirst().orElse(null);
            }
            return renderThread;
        }

        /** Returns the state and the first three frames outside the JDK, which name the code that held the thread. */
        private static String describe(Thread.State state, StackTraceElement[] stack) {
            StringBuilder where = new StringBuilder(state.toString());
            int frames = 0;
            for (StackTraceElement frame : stack) {
                String name = frame.getClassName();
                if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
                    continue;
                }
                where.append(" < ").append(name.substring(name.lastIndexOf('.') + 1)).append('.').append(frame.getMethodName());
                if (++frames == 3) {
                    break;
                }
            }
            return where.toString();
        }

        void stop() {
            running = false;
        }

        void report() {
            synchronized (samples) {
                System.out.println("FX thread during stalls over 30 ms (5 ms samples):");
                samples.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(12)
                        .forEach(entry -> System.out.printf(Locale.ROOT, "%5d  %s%n", entry.getValue(), entry.getKey()));
            }
        }
    }
}
