package org.deepdesk.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.app.draw.HandwritingFolder;
import org.deepdesk.app.shell.MainWindow;
import org.deepdesk.engine.data.IdxDatasetSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Data tab through the real window: switch to Fashion-MNIST and see its classes. */
@ExtendWith(ApplicationExtension.class)
class DataViewTest {

    @TempDir
    Path handwritingFolder;

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        // The digits this class saves go to its own folder, never to the one other tests read.
        System.setProperty(HandwritingFolder.PROPERTY, handwritingFolder.toString());
        workbench = new Workbench(Locale.ENGLISH);
        new MainWindow(workbench, stage).show();
    }

    @AfterEach
    void clearFolder() {
        System.clearProperty(HandwritingFolder.PROPERTY);
    }

    @Test
    void handwritingCountFollowsDigits(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.handwriting().loadedProperty().get());
        robot.clickOn("#dataTab");
        WaitForAsyncUtils.waitForFxEvents();
        Label summary = robot.lookup("#handwritingSummary").queryAs(Label.class);
        assertThat(summary.getText()).startsWith("My handwriting: no digits");

        robot.interact(() -> {
            workbench.handwriting().save(new float[28 * 28], 3);
            workbench.handwriting().save(new float[28 * 28], 5);
        });

        assertThat(summary.getText()).startsWith("My handwriting: 2 digits, saved with the project");
    }

    @Test
    void fashionMnistShowsClassNames(FxRobot robot) throws Exception {
        assumeTrue(IdxDatasetSource.installedFashionMnist().isPresent(), "dataset-fashion-mnist is not installed");
        DataViewModel data = workbench.data();

        robot.clickOn("#dataTab");
        // The tab shows the bundled MNIST first, and the chooser is disabled while that loads.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> data.datasetProperty().get() != null);
        robot.clickOn("#datasetChooser");
        robot.clickOn("Fashion-MNIST");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> data.datasetProperty().get().name().equals("Fashion-MNIST") && !data.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#sampleGrid .data-class").queryAll()).hasSize(10);
        assertThat(robot.lookup(".data-class-name").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("T-shirt/top (6,000 images)", "Ankle boot (6,000 images)");
        assertThat(robot.lookup("#splitSizes").queryAs(Label.class).getText()).startsWith("Training: 54,000 images");
        assertThat(workbench.build().classCount()).isEqualTo(10);
    }
}
