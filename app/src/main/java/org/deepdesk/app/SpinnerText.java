package org.deepdesk.app;

import javafx.scene.control.Spinner;

/**
 * Commits the text typed into an editable spinner. JavaFX commits it only on Enter, so a value
 * typed before clicking elsewhere would otherwise be lost.
 */
public final class SpinnerText {

    private SpinnerText() {
    }

    /** Sets the spinner's value from its editor text, or restores the text when it does not parse. */
    public static <T> void commit(Spinner<T> spinner) {
        String text = spinner.getEditor().getText();
        try {
            spinner.getValueFactory().setValue(spinner.getValueFactory().getConverter().fromString(text));
        } catch (RuntimeException notANumber) {
            spinner.getEditor().setText(spinner.getValueFactory().getConverter().toString(spinner.getValue()));
        }
    }
}
