package org.deepdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.Locale;
import javafx.stage.Stage;
import org.deepdesk.app.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A window replaced on its stage, with its workbench shut down, can be collected. Each workbench
 * holds a dataset of tens of megabytes, so one kept alive by a running timer soon exhausts the heap.
 */
@ExtendWith(ApplicationExtension.class)
class ReplacedWindowTest {

    private Stage stage;
    private Workbench current;

    @Start
    void start(Stage primary) {
        stage = primary;
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> current.shutdown());
    }

    @Test
    void replacedWorkbenchIsCollected(FxRobot robot) throws InterruptedException {
        WeakReference<Workbench> first = showWindow(robot);
        robot.interact(() -> first.get().shutdown());

        showWindow(robot);

        for (int attempt = 0; attempt < 10 && first.get() != null; attempt++) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(first.get()).isNull();
    }

    private WeakReference<Workbench> showWindow(FxRobot robot) {
        Workbench workbench = new Workbench(Locale.ENGLISH);
        robot.interact(() -> new MainWindow(workbench, stage).show());
        current = workbench;
        return new WeakReference<>(workbench);
    }
}
