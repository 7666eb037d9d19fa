package org.deepdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every top-level menu opens with Alt and its underlined letter, so the keyboard reaches all of them. */
@ExtendWith(ApplicationExtension.class)
class MenuMnemonicsTest {

    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(Locale.ENGLISH);
        new MainWindow(workbench, stage).show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> workbench.shutdown());
    }

    @Test
    void everyMenuHasMnemonic(FxRobot robot) {
        MenuBar bar = robot.lookup("#mainMenu").queryAs(MenuBar.class);

        for (Menu menu : bar.getMenus()) {
            assertThat(menu.isMnemonicParsing()).as(menu.getText()).isTrue();
            assertThat(menu.getText()).as("menu text").contains("_");
        }
    }

    @Test
    void altFOpensFileMenu(FxRobot robot) {
        MenuBar bar = robot.lookup("#mainMenu").queryAs(MenuBar.class);
        Menu file = bar.getMenus().get(0);

        robot.push(KeyCode.ALT, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(file.isShowing()).isTrue();
        robot.push(KeyCode.ESCAPE);
    }
}
