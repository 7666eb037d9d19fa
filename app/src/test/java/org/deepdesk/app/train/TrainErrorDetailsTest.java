package org.deepdesk.app.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.app.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A failed run's error line offers the stack trace behind it, as the File menu's error dialog does. */
@ExtendWith(ApplicationExtension.class)
class TrainErrorDetailsTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(Locale.ENGLISH);
        new MainWindow(workbench, stage).show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> workbench.shutdown());
    }

    @Test
    void failedRunShowsDetailsWithTrace(FxRobot robot) throws Exception {
        robot.clickOn("#trainTab");
        Hyperlink details = robot.lookup("#trainingErrorDetails").queryAs(Hyperlink.class);
        assertThat(details.isVisible()).isFalse();

        robot.interact(() -> workbench.train().fail(new IllegalStateException("native buffer vanished")));
        assertThat(details.isVisible()).isTrue();
        robot.clickOn(details);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#errorDetails").tryQuery().isPresent());

        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).contains("native buffer vanished");
        TextArea trace = robot.lookup("#errorDetails").queryAs(TextArea.class);
        assertThat(trace.getText()).contains("TrainErrorDetailsTest.lambda");
    }

    @Test
    void startHidesDetailsAgain(FxRobot robot) {
        robot.interact(() -> workbench.train().fail(new IllegalStateException("first run failed")));
        robot.interact(() -> workbench.train().start());

        assertThat(workbench.train().failureProperty().get()).isNull();
        robot.interact(() -> workbench.train().stop());
    }
}
