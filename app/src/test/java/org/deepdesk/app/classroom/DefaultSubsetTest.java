package org.deepdesk.app.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The stored subset only; measuring needs a window for the notice and is left to manual runs. */
@ExtendWith(ApplicationExtension.class)
class DefaultSubsetTest {

    private Preferences preferences;
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        // The workbench's view models start animations, so they need the FX toolkit.
        workbench = new Workbench(Locale.ENGLISH);
    }

    @BeforeEach
    void createNode() {
        preferences = Preferences.userRoot().node("org/deepdesk/test/" + UUID.randomUUID());
    }

    @AfterEach
    void remove() throws BackingStoreException {
        workbench.shutdown();
        preferences.removeNode();
    }

    @Test
    void storedSubsetIsApplied(FxRobot robot) {
        preferences.putInt(DefaultSubset.LIMIT_KEY, 3000);

        robot.interact(() -> new DefaultSubset(workbench, preferences).start(null));

        assertThat(workbench.train().trainingLimitProperty().get()).isEqualTo(3000);
    }

    @Test
    void storedSubsetSurvivesPresetChange(FxRobot robot) {
        preferences.putInt(DefaultSubset.LIMIT_KEY, 3000);
        robot.interact(() -> new DefaultSubset(workbench, preferences).start(null));

        robot.interact(() -> workbench.build().selectedPresetProperty().set("mlp"));

        assertThat(workbench.train().trainingLimitProperty().get()).isEqualTo(3000);
    }

    @Test
    void storedFullSetKeepsPresetLimit(FxRobot robot) {
        preferences.putInt(DefaultSubset.LIMIT_KEY, 0);

        robot.interact(() -> new DefaultSubset(workbench, preferences).start(null));

        assertThat(workbench.train().trainingLimitProperty().get()).isZero();
    }
}
