package org.deepdesk.app.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.app.shell.MainWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Walks every view of the real window and checks that screen readers get a name for each control. */
@ExtendWith(ApplicationExtension.class)
class AccessibleNamesTest {

    private static final List<String> VIEWS = List.of("dataTab", "buildTab", "trainTab", "drawTab", "evaluateTab", "insideTab");

    @Start
    void start(Stage stage) {
        new MainWindow(new Workbench(Locale.ENGLISH), stage).show();
    }

    @Test
    void everyViewNamesItsControls(FxRobot robot) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);

        // NOTE: the Data tab is still being built, so it is not checked yet.
        List<Tab> views = tabs.getTabs().stream().filter(tab -> VIEWS.contains(tab.getId())).toList();
        assertThat(views).hasSize(VIEWS.size());
        for (Tab tab : views) {
            List<String> offenders = AccessibleNames.unnamed((Parent) tab.getContent());
            assertThat(offenders).as("controls without an accessible name in %s", tab.getId()).isEmpty();
        }
    }

    @Test
    void lessonPanelNamesItsControls(FxRobot robot) {
        Parent panel = robot.lookup("#lessonPanel").queryAs(Parent.class);

        assertThat(AccessibleNames.unnamed(panel)).isEmpty();
        assertThat(robot.lookup("#lessonNext").queryAs(Button.class).getAccessibleHelp()).isNotBlank();
    }

    @Test
    void chartSummaryIsAccessible(FxRobot robot) {
        assertThat(robot.lookup("#chartSummary").queryLabeled().getAccessibleText())
                .isEqualTo("No epoch has finished yet.");
    }

    @Test
    void unnamedSliderIsReported() {
        Slider slider = new Slider();
        slider.setId("nameless");

        assertThat(AccessibleNames.unnamed(new VBox(slider))).containsExactly("nameless (javafx.scene.control.Slider)");
    }
}
