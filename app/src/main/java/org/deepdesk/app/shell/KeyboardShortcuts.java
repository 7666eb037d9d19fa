package org.deepdesk.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.deepdesk.i18n.Messages;

/**
 * The window's keyboard shortcuts, listed once for both the scene accelerators and the help
 * overlay, so the overlay cannot drift from what the keys do.
 */
final class KeyboardShortcuts {

    /** A key combination and what it does, as shown in the help overlay. */
    record Shortcut(KeyCombination keys, String action) {

        String keysText() {
            return keys.getDisplayText();
        }
    }

    static final KeyCombination PRESENTER = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination PRESENTER_ALTERNATIVE = new KeyCodeCombination(KeyCode.P,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    static final KeyCombination HELP_ALTERNATIVE = new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination LESSON = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private static final KeyCode[] TAB_KEYS = {
        KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
        KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9,
    };

    private KeyboardShortcuts() {
    }

    /** Returns the combination that selects tab {@code index}, counted from 0. */
    static KeyCombination tabKeys(int index) {
        return new KeyCodeCombination(TAB_KEYS[index], KeyCombination.SHORTCUT_DOWN);
    }

    /** Returns every shortcut of the window, tabs first in their order, as the help overlay lists them. */
    static List<Shortcut> all(List<String> tabTitles, Messages messages) {
        List<Shortcut> shortcuts = new ArrayList<>();
        for (int index = 0; index < Math.min(tabTitles.size(), TAB_KEYS.length); index++) {
            shortcuts.add(new Shortcut(tabKeys(index), messages.format("shortcut.tab", tabTitles.get(index))));
        }
        shortcuts.add(described(PRESENTER, "shortcut.presenter", messages));
        shortcuts.add(described(PRESENTER_ALTERNATIVE, "shortcut.presenter", messages));
        shortcuts.add(described(HELP, "shortcut.help", messages));
        shortcuts.add(described(HELP_ALTERNATIVE, "shortcut.help", messages));
        shortcuts.add(described(LESSON, "shortcut.lesson", messages));
        shortcuts.add(described(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), "shortcut.newProject", messages));
        shortcuts.add(described(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), "shortcut.openProject", messages));
        shortcuts.add(described(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), "shortcut.saveProject", messages));
        shortcuts.add(described(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "shortcut.saveProjectAs", messages));
        shortcuts.add(described(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), "shortcut.undo", messages));
        shortcuts.add(described(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), "shortcut.redo", messages));
        shortcuts.add(described(new KeyCodeCombination(KeyCode.TAB), "shortcut.focusNext", messages));
        shortcuts.add(described(new KeyCodeCombination(KeyCode.SPACE), "shortcut.activate", messages));
        shortcuts.add(described(new KeyCodeCombination(KeyCode.F10), "shortcut.menu", messages));
        return shortcuts;
    }

    private static Shortcut described(KeyCombination keys, String actionKey, Messages messages) {
        return new Shortcut(keys, messages.get(actionKey));
    }

    /**
     * Registers the shortcuts that no menu item carries: tab switching and the second key for
     * presenter mode and help. F5, F1 and Ctrl+Shift+L are the View menu's own accelerators.
     */
    static void install(Scene scene, IntConsumer selectTab, Runnable togglePresenter, Runnable showHelp) {
        for (int index = 0; index < TAB_KEYS.length; index++) {
            int tab = index;
            scene.getAccelerators().put(tabKeys(index), () -> selectTab.accept(tab));
        }
        scene.getAccelerators().put(PRESENTER_ALTERNATIVE, togglePresenter);
        scene.getAccelerators().put(HELP_ALTERNATIVE, showHelp);
    }
}
