package org.deepdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.engine.train.TrainableNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the window in the middle of a run ends the run cleanly and leaves usable weights. */
@ExtendWith(ApplicationExtension.class)
class CloseWhileTrainingTest {

    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workbench = new Workbench(Locale.ENGLISH);
        new MainWindow(workbench, stage).show();
    }

    @Test
    void closeDuringRunStopsTraining(FxRobot robot) throws Exception {
        robot.interact(() -> {
            workbench.build().selectedPresetProperty().set("softmax-regression");
            workbench.train().epochsProperty().set(50);
            workbench.train().trainingLimitProperty().set(2000);
            workbench.train().start();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.train().networkProperty().get() != null
                && workbench.train().networkProperty().get().stepCount() > 3);
        TrainableNetwork network = workbench.train().networkProperty().get();

        // What JavaFX and DeepDeskApp.stop() do, on the FX thread, when the user closes the window.
        robot.interact(() -> {
            stage.close();
            workbench.shutdown();
        });

        assertThat(workbench.background().awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        long stepsAfterClose = network.stepCount();
        Thread.sleep(300);
        assertThat(network.stepCount()).isEqualTo(stepsAfterClose);
        float[] probabilities = network.predict(new float[784]);
        double sum = 0;
        for (float probability : probabilities) {
            assertThat(Float.isFinite(probability)).isTrue();
            sum += probability;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-4));
    }
}
