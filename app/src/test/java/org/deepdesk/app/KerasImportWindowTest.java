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
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.deepdesk.app.project.RecentFiles;
import org.deepdesk.app.project.Recovery;
import org.deepdesk.app.shell.MainWindow;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.train.TrainableNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Keras HDF5 import through the real window: the network reaches every view, and a bad file is explained. */
@ExtendWith(ApplicationExtension.class)
class KerasImportWindowTest {

    /** The engine's fixtures, written by make_fixtures.py there; tests run in the app module's folder. */
    private static final Path FIXTURES = Path.of("../engine/src/test/resources/org/deepdesk/engine/interop/keras");

    @TempDir
    Path folder;

    private Preferences preferences;
    private Workbench workbench;
    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        preferences = Preferences.userRoot().node("org/deepdesk/test/" + UUID.randomUUID());
        workbench = new Workbench(Locale.ENGLISH, new RecentFiles(preferences),
                new Recovery(Files.createDirectories(folder.resolve("recovery"))));
        window = new MainWindow(workbench, stage);
        window.show();
    }

    @AfterEach
    void remove(FxRobot robot) throws BackingStoreException {
        robot.interact(() -> workbench.shutdown());
        preferences.removeNode();
    }

    @Test
    void importedModelReachesBuildAndTrain(FxRobot robot) throws Exception {
        robot.interact(() -> window.openFile(FIXTURES.resolve("small-cnn.h5")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.train().networkProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        TrainableNetwork network = workbench.train().networkProperty().get();
        NetworkSpec spec = network.spec();
        assertThat(spec.name()).isEqualTo("small_cnn");
        assertThat(workbench.build().spec()).isEqualTo(spec);
        assertThat(workbench.build().validProperty().get()).isTrue();
        assertThat(workbench.build().selectedPresetProperty().get()).isNull();
        assertThat(workbench.train().settings().learningRate()).isEqualTo(0.002);
        assertThat(workbench.train().statusProperty().get().key()).isEqualTo("keras.imported");
        assertThat(dialogText(robot)).contains("small-cnn.h5").contains("Keras 2.4.0").contains("7 layers");
    }

    @Test
    void unsupportedModelShowsErrorAndKeepsNetwork(FxRobot robot) throws Exception {
        NetworkSpec before = workbench.build().spec();

        robot.interact(() -> window.openFile(FIXTURES.resolve("unsupported-layers.h5")));

        assertThat(dialogText(robot)).contains("unsupported-layers.h5").contains("zero_padding2d");
        assertThat(workbench.train().networkProperty().get()).isNull();
        assertThat(workbench.build().spec()).isEqualTo(before);
    }

    private static String dialogText(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        return pane.getContentText();
    }
}
