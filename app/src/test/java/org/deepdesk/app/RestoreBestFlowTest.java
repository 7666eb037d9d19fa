package org.deepdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.deepdesk.app.shell.MainWindow;
import org.deepdesk.app.train.TrainViewModel;
import org.deepdesk.engine.train.TrainableNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "Restore best epoch" button of the Train view, after a short run with validation. */
@ExtendWith(ApplicationExtension.class)
class RestoreBestFlowTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(Locale.ENGLISH);
        new MainWindow(workbench, stage).show();
    }

    @Test
    void restoreButtonRestoresBestEpoch(FxRobot robot) throws Exception {
        robot.clickOn("#presetChooser");
        robot.clickOn("Softmax regression");
        robot.clickOn("#trainTab");
        TrainViewModel train = workbench.train();
        Button restore = robot.lookup("#restoreBestEpoch").queryButton();

        assertThat(restore.isDisabled()).isTrue();

        robot.interact(() -> {
            train.epochsProperty().set(2);
            train.trainingLimitProperty().set(600);
            train.validationSplitProperty().set(0.2);
        });
        robot.clickOn("#startTraining");
        waitUntil(() -> train.runLog().runs().size() == 1 || train.errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(train.errorProperty().get()).isNull();
        assertThat(restore.isDisabled()).isFalse();

        robot.clickOn("#restoreBestEpoch");
        TrainableNetwork network = train.networkProperty().get();
        waitUntil(() -> network.restoredEpoch().isPresent() && !train.restoringProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        int best = network.history().bestEpoch().orElseThrow().epoch();
        assertThat(network.restoredEpoch()).hasValue(best);
        assertThat(train.statusProperty().get().key()).isEqualTo("train.status.restored");
        assertThat(robot.lookup("#trainingStatus").queryLabeled().getText())
                .startsWith("Restored the weights of epoch " + best);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }
}
