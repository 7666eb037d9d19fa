package org.deepdesk.app.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.app.shell.MainWindow;
import org.deepdesk.engine.data.PersonalDigitsFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Through the real window: train briefly, draw a digit, save it three times, fine-tune, read the counts. */
@ExtendWith(ApplicationExtension.class)
class HandwritingFlowTest {

    @TempDir
    Path folder;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        System.setProperty(HandwritingFolder.PROPERTY, folder.toString());
        workbench = new Workbench(Locale.ENGLISH);
        new MainWindow(workbench, stage).show();
    }

    @AfterEach
    void clearFolder() {
        System.clearProperty(HandwritingFolder.PROPERTY);
    }

    @Test
    void saveAndFineTuneShowsCounts(FxRobot robot) throws Exception {
        robot.clickOn("#presetChooser");
        robot.clickOn("Softmax regression");
        robot.clickOn("#trainTab");
        robot.interact(() -> {
            workbench.train().epochsProperty().set(1);
            workbench.train().trainingLimitProperty().set(600);
        });
        robot.clickOn("#startTraining");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> workbench.train().resultProperty().get() != null
                || workbench.train().errorProperty().get() != null);

        robot.clickOn("#drawTab");
        Canvas canvas = robot.lookup("#drawCanvas").queryAs(Canvas.class);
        Bounds bounds = canvas.localToScreen(canvas.getBoundsInLocal());
        Point2D centre = new Point2D(bounds.getCenterX(), bounds.getCenterY());
        robot.drag(centre.add(-50, -70)).moveBy(90, 0).moveBy(-45, 140).drop();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.draw().predictionProperty().get() != null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.handwriting().loadedProperty().get());
        robot.interact(() -> robot.lookup("#handwritingDigit").<ComboBox<Integer>>query().setValue(7));
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#saveHandwriting");
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !workbench.handwriting().savingProperty().get());

        assertThat(robot.lookup("#handwritingTotal").queryAs(Label.class).getText()).isEqualTo("You saved 3 digits.");
        assertThat(robot.lookup("#handwritingCounts").queryAs(Label.class).getText()).contains("7: 3");
        assertThat(PersonalDigitsFiles.load(folder).size()).isEqualTo(3);

        robot.clickOn("#fineTuneHandwriting");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.handwriting().lastResultProperty().get() != null
                || workbench.handwriting().errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(workbench.handwriting().errorProperty().get()).isNull();
        assertThat(robot.lookup("#handwritingStatus").queryAs(Label.class).getText())
                .matches("Your digits: [0-3]/3 \u2192 [0-3]/3 recognized after one epoch\\.");
    }
}
