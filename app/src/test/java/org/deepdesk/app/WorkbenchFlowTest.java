package org.deepdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.deepdesk.app.shell.MainWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main loop through the real window: pick a network, train it briefly, draw, read the answer. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFlowTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(Locale.ENGLISH);
        new MainWindow(workbench, stage).show();
    }

    @Test
    void trainDrawAndPredict(FxRobot robot) throws Exception {
        robot.clickOn("#presetChooser");
        robot.clickOn("Softmax regression");
        assertThat(workbench.build().spec().name()).isEqualTo("Softmax regression");

        robot.clickOn("#trainTab");
        robot.interact(() -> {
            workbench.train().epochsProperty().set(1);
            workbench.train().trainingLimitProperty().set(600);
        });
        robot.clickOn("#startTraining");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> workbench.train().resultProperty().get() != null
                || workbench.train().errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(workbench.train().errorProperty().get()).isNull();
        assertThat(robot.lookup("#testAccuracy").queryAs(Label.class).getText()).startsWith("Test accuracy:");
        assertThat(workbench.train().curves().batchPointCount()).isPositive();

        robot.clickOn("#drawTab");
        Canvas canvas = robot.lookup("#drawCanvas").queryAs(Canvas.class);
        Bounds bounds = canvas.localToScreen(canvas.getBoundsInLocal());
        Point2D centre = new Point2D(bounds.getCenterX(), bounds.getCenterY());
        robot.drag(centre.add(-50, -70)).moveBy(90, 0).moveBy(-45, 140).drop();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.draw().predictionProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        // A network trained on 600 images may be unsure; both answers name a digit.
        assertThat(robot.lookup("#predictionAnswer").queryAs(Label.class).getText())
                .matches("It is a \\d \\(.*% sure\\)|Maybe a \\d\\?");
        float[] input = workbench.draw().predictionProperty().get().input();
        assertThat(input).hasSize(784);

        robot.clickOn("#clearCanvas");
        assertThat(workbench.draw().predictionProperty().get()).isNull();

        // Two digits side by side: the network reads one digit, so the view shows a notice instead of an answer.
        robot.drag(centre.add(-80, -70)).moveBy(0, 140).drop();
        robot.drag(centre.add(60, -70)).moveBy(0, 140).drop();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> workbench.draw().predictionProperty().get() != null
                && workbench.draw().predictionProperty().get().inkColumns() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#uncertainty").queryAs(Label.class).getText())
                .startsWith("This looks like 2 digits side by side.");
        assertThat(robot.lookup("#predictionAnswer").queryAs(Label.class).getText()).matches("Maybe a \\d\\?");
    }
}
