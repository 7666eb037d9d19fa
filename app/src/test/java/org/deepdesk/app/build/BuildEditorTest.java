package org.deepdesk.app.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.app.shell.MainWindow;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The layer editor through the real window: drag, reorder, keys, property errors and undo. */
@ExtendWith(ApplicationExtension.class)
class BuildEditorTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(Locale.ENGLISH);
        new MainWindow(workbench, stage).show();
    }

    @Test
    void dragFromPaletteInsertsLayer(FxRobot robot) {
        Node target = stackCell(robot, 1);

        // The upper half of row 2 is the gap between layers 1 and 2.
        robot.drag("#palette-Dropout").moveTo(target).moveBy(0, -target.getBoundsInLocal().getHeight() / 4).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(build().spec().layers()).hasSize(9);
        assertThat(build().spec().layers().get(1)).isInstanceOf(DropoutSpec.class);
        assertThat(summaryRows(robot)).isEqualTo(9);
    }

    @Test
    void dragInStackReorders(FxRobot robot) {
        Node source = stackCell(robot, 1);
        Node target = stackCell(robot, 3);

        robot.drag(source).moveTo(target).moveBy(0, target.getBoundsInLocal().getHeight() / 4).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(build().spec().layers().get(3)).isInstanceOf(MaxPool2DSpec.class);
        assertThat(build().spec().layers().get(1)).isInstanceOf(Conv2DSpec.class);
        assertThat(build().selectedIndexProperty().get()).isEqualTo(3);
    }

    @Test
    void undoAfterDropUpdatesSummary(FxRobot robot) {
        robot.drag("#palette-Flatten").moveTo(stackCell(robot, 0)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(build().spec().layers()).anyMatch(layer -> layer instanceof FlattenSpec && build().spec().layers().indexOf(layer) < 2);
        assertThat(totals(robot)).startsWith("9 layers");

        robot.clickOn("#undo");

        assertThat(build().spec().layers()).hasSize(8);
        assertThat(totals(robot)).startsWith("8 layers, 93,322 parameters");
        assertThat(summaryRows(robot)).isEqualTo(8);

        robot.clickOn("#redo");

        assertThat(build().spec().layers()).hasSize(9);
    }

    @Test
    void keysEditStack(FxRobot robot) {
        robot.clickOn(stackCell(robot, 0));

        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        assertThat(build().spec().layers()).hasSize(9);

        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        assertThat(build().selectedIndexProperty().get()).isEqualTo(2);

        robot.type(KeyCode.DELETE);
        assertThat(build().spec().layers()).hasSize(8);

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(build().spec().layers()).hasSize(9);
    }

    @Test
    void invalidPropertyShowsError(FxRobot robot) {
        robot.clickOn(stackCell(robot, 0));
        TextField filters = robot.lookup("#property-filters").queryAs(TextField.class);

        robot.doubleClickOn(filters).eraseText(2).write("0").type(KeyCode.ENTER);

        Label error = robot.lookup("#error-filters").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("A convolution needs at least 1 filter.");
        assertThat(build().spec().layers().get(0)).isEqualTo(Conv2DSpec.relu(32, 3));

        robot.eraseText(1).write("16").type(KeyCode.ENTER);

        assertThat(build().spec().layers().get(0)).isEqualTo(Conv2DSpec.relu(16, 3));
        assertThat(robot.lookup("#error-filters").queryAs(Label.class).isVisible()).isFalse();
    }

    private BuildViewModel build() {
        return workbench.build();
    }

    private static Node stackCell(FxRobot robot, int index) {
        return robot.lookup("#layerStack .list-cell")
                .match(node -> node instanceof ListCell<?> cell && cell.getIndex() == index && !cell.isEmpty())
                .query();
    }

    private static String totals(FxRobot robot) {
        return robot.lookup("#summaryTotals").queryAs(Label.class).getText();
    }

    private static int summaryRows(FxRobot robot) {
        return robot.lookup("#summaryTable").queryAs(TableView.class).getItems().size();
    }
}
