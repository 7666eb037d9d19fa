package org.deepdesk.app.shell;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.deepdesk.i18n.Messages;

/** The help overlay that lists the keyboard shortcuts; Esc or Enter closes it. */
final class ShortcutHelp {

    private ShortcutHelp() {
    }

    static void show(Window owner, List<String> tabTitles, Messages messages) {
        GridPane table = new GridPane();
        table.setId("shortcutTable");
        table.setHgap(24);
        table.setVgap(6);
        int row = 0;
        for (KeyboardShortcuts.Shortcut shortcut : KeyboardShortcuts.all(tabTitles, messages)) {
            Label keys = new Label(shortcut.keysText());
            keys.getStyleClass().add("help-property");
            Label action = new Label(shortcut.action());
            // A screen reader reads the pair as one line: the action, then its keys.
            action.setLabelFor(keys);
            keys.setAccessibleText(messages.format("shortcut.accessible", action.getText(), keys.getText()));
            table.addRow(row++, keys, action);
        }

        Alert alert = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        alert.setTitle(messages.get("shortcut.title"));
        alert.setHeaderText(messages.get("shortcut.title"));
        alert.getDialogPane().setContent(table);
        alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        alert.getDialogPane().getStyleClass().add("deepdesk-root");
        alert.initOwner(owner);
        alert.show();
    }
}
