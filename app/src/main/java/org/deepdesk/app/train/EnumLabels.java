package org.deepdesk.app.train;

import java.util.Locale;
import javafx.util.StringConverter;
import org.deepdesk.i18n.Messages;

/** Shows enum constants by their message, {@code prefix + lower-case name}, in combo boxes. */
final class EnumLabels<E extends Enum<E>> extends StringConverter<E> {

    private final Messages messages;
    private final String prefix;

    EnumLabels(Messages messages, String prefix) {
        this.messages = messages;
        this.prefix = prefix;
    }

    @Override
    public String toString(E value) {
        return value == null ? "" : messages.get(prefix + value.name().toLowerCase(Locale.ROOT));
    }

    /** Combo boxes here are not editable, so no text is ever parsed back. */
    @Override
    public E fromString(String text) {
        throw new UnsupportedOperationException("combo box is not editable");
    }
}
