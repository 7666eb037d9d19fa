package org.deepdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.deepdesk.app.build.LayerKind;
import org.deepdesk.app.project.RecentFiles;
import org.deepdesk.app.project.Recovery;
import org.deepdesk.app.shell.MainWindow;
import org.deepdesk.engine.project.ProjectFile;
import org.deepdesk.engine.project.ProjectStore;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.TrainingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Project files through the real window: the title, File > Open recent, and the question about unsaved changes. */
@ExtendWith(ApplicationExtension.class)
class ProjectWindowTest {

    private static final String APP_TITLE = " – DeepDesk – deep learning workbench";

    @TempDir
    Path folder;

    private Preferences preferences;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        preferences = Preferences.userRoot().node("org/deepdesk/test/" + UUID.randomUUID());
        workbench = new Workbench(Locale.ENGLISH, new RecentFiles(preferences),
                new Recovery(Files.createDirectories(folder.resolve("recovery"))));
        new MainWindow(workbench, stage).show();
    }

    @AfterEach
    void remove(FxRobot robot) throws BackingStoreException {
        robot.interact(() -> workbench.shutdown());
        preferences.removeNode();
    }

    @Test
    void titleShowsProjectAndUnsavedChanges(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Untitled" + APP_TITLE);

        robot.interact(() -> workbench.build().add(LayerKind.DROPOUT));

        assertThat(stage.getTitle()).isEqualTo("*Untitled" + APP_TITLE);
    }

    @Test
    void openRecentRestoresProject(FxRobot robot) throws Exception {
        Path file = folder.resolve("lenet lesson.deepdesk");
        TrainingSettings settings = TrainingSettings.defaults().withEpochs(3).withBatchSize(32);
        ProjectStore.save(ProjectFile.untrained(Presets.load("lenet5").network(), settings), file);
        robot.interact(() -> workbench.project().recentFiles().add(file));

        robot.clickOn("File").clickOn("#openRecent").clickOn("#recentProject0");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> file.equals(workbench.project().fileProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(workbench.build().spec()).isEqualTo(Presets.load("lenet5").network());
        assertThat(workbench.train().settings()).isEqualTo(settings);
        assertThat(stage.getTitle()).isEqualTo("lenet lesson" + APP_TITLE);
    }

    @Test
    void newProjectAsksAboutUnsavedChanges(FxRobot robot) {
        robot.interact(() -> workbench.build().selectedPresetProperty().set("mlp"));
        robot.clickOn("#layerStack");

        robot.push(KeyCode.SHORTCUT, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Cancel");

        assertThat(workbench.build().spec()).isEqualTo(Presets.load("mlp").network());

        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.SHORTCUT, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Don't save");

        assertThat(workbench.build().spec()).isEqualTo(Presets.load(Presets.DEFAULT_ID).network());
        assertThat(stage.getTitle()).isEqualTo("Untitled" + APP_TITLE);
    }
}
