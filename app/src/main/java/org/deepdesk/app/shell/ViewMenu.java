package org.deepdesk.app.shell;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.deepdesk.app.classroom.Appearance;
import org.deepdesk.app.classroom.Theme;
import org.deepdesk.i18n.Messages;

/** The View menu: colour theme, presenter mode, the guided lesson and the shortcut overlay. */
final class ViewMenu {

    private ViewMenu() {
    }

    static Menu create(Appearance appearance, Messages messages, Runnable startLesson, Runnable showShortcuts) {
        Menu themes = new Menu(messages.get("view.theme"));
        ToggleGroup group = new ToggleGroup();
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(messages.get(theme.messageKey()));
            item.setId("theme-" + theme.name());
            item.setToggleGroup(group);
            item.setSelected(theme == appearance.themeProperty().get());
            item.setOnAction(event -> appearance.themeProperty().set(theme));
            themes.getItems().add(item);
        }

        CheckMenuItem presenter = new CheckMenuItem(messages.get("view.presenter"));
        presenter.setId("presenterMode");
        presenter.setAccelerator(KeyboardShortcuts.PRESENTER);
        presenter.selectedProperty().bindBidirectional(appearance.presenterProperty());

        MenuItem lesson = new MenuItem(messages.get("view.lesson"));
        lesson.setId("startLesson");
        lesson.setAccelerator(KeyboardShortcuts.LESSON);
        lesson.setOnAction(event -> startLesson.run());

        MenuItem shortcuts = new MenuItem(messages.get("view.shortcuts"));
        shortcuts.setId("showShortcuts");
        shortcuts.setAccelerator(KeyboardShortcuts.HELP);
        shortcuts.setOnAction(event -> showShortcuts.run());

        Menu view = new Menu(messages.get("view.menu"), null, themes, presenter, new SeparatorMenuItem(), lesson, shortcuts);
        view.setId("viewMenu");
        return view;
    }
}
