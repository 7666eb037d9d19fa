package org.deepdesk.i18n;

import java.util.List;
import java.util.Locale;

/**
 * A user-visible message as a bundle key and its arguments, formatted only when shown, so the
 * engine can report problems without choosing a language.
 *
 * @param key the key in the {@code messages} bundle
 * @param arguments the {@link java.text.MessageFormat} arguments, in order
 */
public record Message(String key, List<Object> arguments) {

    public Message {
        arguments = List.copyOf(arguments);
    }

    public static Message of(String key, Object... arguments) {
        return new Message(key, List.of(arguments));
    }

    /** Formats this message in the given locale. */
    public String format(Locale locale) {
        return Messages.forLocale(locale).format(this);
    }

    /** Formats this message in English, for logs and exception texts. */
    public String english() {
        return format(Locale.ROOT);
    }
}
