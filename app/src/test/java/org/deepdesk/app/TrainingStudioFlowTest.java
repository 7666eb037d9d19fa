package org.deepdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.deepdesk.app.shell.MainWindow;
import org.deepdesk.app.train.RunRecord;
import org.deepdesk.app.train.TrainViewModel;
import org.deepdesk.app.train.TrainingCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Two short runs with different learning rates, compared in the runs table and on the charts. */
@ExtendWith(ApplicationExtension.class)
class TrainingStudioFlowTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(Locale.ENGLISH);
        new MainWindow(workbench, stage).show();
    }

    @Test
    void twoRunsOverlaidOnCharts(FxRobot robot) throws Exception {
        robot.clickOn("#presetChooser");
        robot.clickOn("Softmax regression");
        robot.clickOn("#trainTab");
        TrainViewModel train = workbench.train();

        trainOnce(robot, train, 0.01, 1);
        robot.clickOn("#resetWeights");
        trainOnce(robot, train, 0.1, 2);

        TableView<?> table = robot.lookup("#runsTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        assertThat(visibleTicks(robot)).hasSize(2);
        // Ticking redraws the table, so each tick is looked up again.
        robot.clickOn(visibleTicks(robot).get(0));
        robot.clickOn(visibleTicks(robot).get(1));
        WaitForAsyncUtils.waitForFxEvents();

        RunRecord first = train.runLog().runs().get(0);
        RunRecord second = train.runLog().runs().get(1);
        assertThat(train.runLog().compared()).containsExactly(first, second);
        assertThat(train.curves().loss().getSeriesCount()).isEqualTo(TrainingCurves.LIVE_SERIES + 2);
        assertThat(train.curves().accuracy().getSeriesCount()).isEqualTo(TrainingCurves.LIVE_SERIES + 2);
        assertThat(train.curves().loss().getSeries(TrainingCurves.LIVE_SERIES).getItemCount()).isEqualTo(1);
        assertThat(first.settings().learningRate()).isEqualTo(0.01);
        assertThat(second.settings().learningRate()).isEqualTo(0.1);
        assertThat(robot.lookup("Learning rate: 0.01 → 0.1").tryQuery()).isPresent();
    }

    /** Returns the ticks of filled rows; the table keeps spare cells outside the scene. */
    private static List<CheckBox> visibleTicks(FxRobot robot) {
        return robot.lookup("#runsTable .check-box").queryAllAs(CheckBox.class).stream()
                .filter(tick -> tick.getScene() != null && tick.isVisible())
                .toList();
    }

    private static void trainOnce(FxRobot robot, TrainViewModel train, double learningRate, int expectedRuns) {
        robot.interact(() -> {
            train.epochsProperty().set(1);
            train.trainingLimitProperty().set(600);
            train.learningRateProperty().set(learningRate);
        });
        robot.clickOn("#startTraining");
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> train.runLog().runs().size() == expectedRuns
                    || train.errorProperty().get() != null);
        } catch (java.util.concurrent.TimeoutException timeout) {
            throw new AssertionError("run " + expectedRuns + " did not finish in 120 s", timeout);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(train.errorProperty().get()).isNull();
    }
}
