package org.deepdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.deepdesk.app.shell.MainWindow;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Windows that the UI tests open one after another, each on the stage TestFX hands out, can be
 * collected once their workbench is shut down. Each workbench keeps a copy of MNIST in memory, so
 * windows kept alive, as a running frame timer once did, exhaust the test JVM's heap after a few
 * dozen tests.
 */
@ExtendWith(ApplicationExtension.class)
class ReplacedWindowTest {

    /** Every workbench the repetitions created, across repetitions. */
    private static final List<WeakReference<Workbench>> CREATED = new ArrayList<>();

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(Locale.ENGLISH);
        new MainWindow(workbench, stage).show();
        CREATED.add(new WeakReference<>(workbench));
    }

    @RepeatedTest(4)
    void earlierWorkbenchesAreCollected(FxRobot robot) throws InterruptedException {
        robot.interact(() -> workbench.shutdown());

        // Tasks an earlier workbench started (loading MNIST, timing an epoch) may run on for a
        // few seconds after its shutdown and keep it reachable until they end.
        for (int attempt = 0; attempt < 100 && alive() > 1; attempt++) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(alive()).as("workbenches still reachable, the current one included").isLessThanOrEqualTo(1);
    }

    private static long alive() {
        return CREATED.stream().filter(reference -> reference.get() != null).count();
    }
}
