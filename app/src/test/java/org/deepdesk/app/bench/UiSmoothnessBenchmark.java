package org.deepdesk.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
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
 * Arguments: the number of training images (default 6000), and {@code --headless} to render on
 * Monocle's headless platform with the software pipeline instead of a display.
 */
public final class UiSmoothnessBenchmark {

    private UiSmoothnessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        if (List.of(args).contains("--headless")) {
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
        CountDownLatch finished = new CountDownLatch(1);
        Platform.runLater(() -> {
            new MainWindow(workbench, new Stage()).show();
            TrainViewModel train = workbench.train();
            train.epochsProperty().set(1);
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
        report(workbench, "whole run", recorder.intervalsMillis());
        report(workbench, "training only", recorder.trainingIntervalsMillis());
        Platform.runLater(() -> {
            workbench.shutdown();
            Platform.exit();
        });
        System.exit(0);
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
                intervals.add((now - previous) / 1e6);
            }
            previous = now;
        }

        /** Returns a copy of the intervals; call after {@link #stop()} or from the FX thread. */
        synchronized List<Double> intervalsMillis() {
            return new ArrayList<>(intervals);
        }

        synchronized List<Double> trainingIntervalsMillis() {
            return firstTrainingInterval < 0 ? List.of() : new ArrayList<>(intervals.subList(firstTrainingInterval, intervals.size()));
        }
    }
}
