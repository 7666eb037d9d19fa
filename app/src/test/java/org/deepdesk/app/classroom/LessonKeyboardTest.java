package org.deepdesk.app.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.app.shell.MainWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Walks the guided lesson with the keyboard alone, including a short training run. */
@ExtendWith(ApplicationExtension.class)
class LessonKeyboardTest {

    private Workbench workbench;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(Locale.ENGLISH);
        window = new MainWindow(workbench, stage);
        window.show();
    }

    @Test
    void lessonWalksBySpaceOnly(FxRobot robot) throws Exception {
        // A small subset keeps the lesson's training run short in the test.
        robot.interact(() -> workbench.train().trainingLimitProperty().set(600));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        Lesson lesson = window.lesson();
        assertThat(lesson.activeProperty().get()).isTrue();

        robot.push(KeyCode.SPACE);
        assertThat(lesson.current().key()).isEqualTo("lesson.build");
        robot.push(KeyCode.SPACE);
        assertThat(workbench.build().selectedPresetProperty().get()).isEqualTo("reference-cnn");

        robot.push(KeyCode.SPACE);
        assertThat(lesson.current().key()).isEqualTo("lesson.train");
        assertThat(selectedTab(robot)).isEqualTo("trainTab");
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> workbench.train().resultProperty().get() != null
                || workbench.train().errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.train().errorProperty().get()).isNull();
        assertThat(workbench.train().epochsProperty().get()).isEqualTo(1);

        robot.push(KeyCode.SPACE);
        assertThat(lesson.current().key()).isEqualTo("lesson.draw");
        assertThat(robot.lookup("#drawCanvas").query().getStyleClass()).contains(LessonPanel.TARGET);

        robot.push(KeyCode.SPACE);
        assertThat(lesson.current().key()).isEqualTo("lesson.evaluate");
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> workbench.evaluate().reportProperty().get() != null
                || workbench.evaluate().errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        robot.push(KeyCode.SPACE);
        assertThat(lesson.indexProperty().get()).isEqualTo(lesson.steps().size() - 1);
        assertThat(robot.lookup("#lessonTitle").queryLabeled().getText()).isEqualTo("Done");
        assertThat(selectedTab(robot)).isEqualTo("evaluateTab");
    }

    private static String selectedTab(FxRobot robot) {
        Node tabs = robot.lookup("#mainTabs").query();
        return ((javafx.scene.control.TabPane) tabs).getSelectionModel().getSelectedItem().getId();
    }
}
