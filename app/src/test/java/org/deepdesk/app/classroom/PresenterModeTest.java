package org.deepdesk.app.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.app.shell.MainWindow;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Presenter mode through the real window: F5 and Ctrl+Shift+P toggle it, and it changes the layout. */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {

    private MainWindow window;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workbench = new Workbench(Locale.ENGLISH);
        window = new MainWindow(workbench, stage);
        window.show();
    }

    @AfterEach
    void presenterOff(FxRobot robot) {
        robot.interact(() -> {
            window.appearance().presenterProperty().set(false);
            window.lesson().close();
        });
    }

    @Test
    void presenterF5SetsPseudoClass(FxRobot robot) {
        robot.clickOn("#trainTab");
        robot.push(KeyCode.F5);

        assertThat(window.appearance().presenterProperty().get()).isTrue();
        assertThat(stage.getScene().getRoot().getPseudoClassStates()).contains(Appearance.PRESENTER);
        assertThat(stage.getScene().getStylesheets()).anyMatch(sheet -> sheet.endsWith("deepdesk-contrast.css"));
        assertThat(stage.getScene().getStylesheets()).anyMatch(sheet -> sheet.endsWith("deepdesk-presenter.css"));
    }

    @Test
    void presenterHidesSecondaryPanes(FxRobot robot) {
        robot.push(KeyCode.F5);

        assertThat(robot.lookup("." + PresenterLayout.SECONDARY).queryAll()).isNotEmpty();
        for (Node pane : robot.lookup("." + PresenterLayout.SECONDARY).queryAll()) {
            assertThat(pane.isVisible()).as("visible %s", pane).isFalse();
            assertThat(pane.isManaged()).as("managed %s", pane).isFalse();
        }
    }

    @Test
    void presenterEnlargesCanvas(FxRobot robot) {
        Node frame = robot.lookup("#canvasFrame").query();

        robot.push(KeyCode.F5);
        double presenter = frame.getScaleX();
        robot.push(KeyCode.F5);
        double restored = frame.getScaleX();

        assertThat(presenter).isGreaterThan(1.0);
        assertThat(restored).isEqualTo(1.0);
    }

    @Test
    void presenterEnlargesChartFonts(FxRobot robot) {
        ChartViewer loss = robot.lookup("#lossChart").queryAs(ChartViewer.class);
        float normal = loss.getChart().getTitle().getFont().getSize2D();

        robot.push(KeyCode.F5);
        float presenter = loss.getChart().getTitle().getFont().getSize2D();
        robot.push(KeyCode.F5);
        float restored = loss.getChart().getTitle().getFont().getSize2D();

        assertThat(presenter).isGreaterThan(normal);
        assertThat(restored).isEqualTo(normal);
    }

    @Test
    void controlShiftPTogglesBack(FxRobot robot) {
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        boolean on = window.appearance().presenterProperty().get();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);

        assertThat(on).isTrue();
        assertThat(window.appearance().presenterProperty().get()).isFalse();
        assertThat(stage.getScene().getRoot().getPseudoClassStates()).doesNotContain(Appearance.PRESENTER);
        assertThat(robot.lookup("#runsTable").tryQuery()).isPresent();
    }

    @Test
    void languageSwitchKeepsPresenter(FxRobot robot) {
        robot.push(KeyCode.F5);
        robot.interact(() -> window.lesson().start());
        robot.interact(() -> window.lesson().next());

        robot.interact(() -> workbench.localeProperty().set(Locale.SIMPLIFIED_CHINESE));

        assertThat(stage.getScene().getRoot().getPseudoClassStates()).contains(Appearance.PRESENTER);
        assertThat(robot.lookup("#runsTable").queryAs(Node.class).isVisible()).isFalse();
        assertThat(robot.lookup("#lessonPanel").queryAs(Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#lessonTitle").queryLabeled().getText()).isEqualTo("1. 搭建网络");
    }

    @Test
    void splitPaneRestoresDividers(FxRobot robot) {
        SplitPane split = (SplitPane) robot.lookup("#runsTable").query().getParent().getParent();
        double before = split.getDividerPositions()[0];

        robot.push(KeyCode.F5);
        double presenter = split.getDividerPositions()[0];
        robot.push(KeyCode.F5);

        // The split pane stops the divider where the charts reach their minimum height.
        assertThat(presenter).isGreaterThan(before);
        assertThat(split.getDividerPositions()[0]).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void controlDigitSelectsTab(FxRobot robot) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);

        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(2);
    }
}
