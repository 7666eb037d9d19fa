package org.deepdesk.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The message bundle of one locale. English is the base bundle; Simplified Chinese is
 * {@code messages_zh_CN}. Bundle files are UTF-8, as {@link ResourceBundle} reads them since Java 9.
 */
public final class Messages {

    public static final String BUNDLE = "org.deepdesk.i18n.messages";

    /** The locales the app offers, in menu order. */
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Messages forLocale(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale);
    }

    /** Picks Simplified Chinese for any Chinese locale and English otherwise. */
    public static Locale supportedLocale(Locale requested) {
        return "zh".equals(requested.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * Returns the text for a key, or the key in brackets when it is missing, so a gap is visible.
     * Every value is a {@link MessageFormat} pattern, so a doubled apostrophe reads as one here too.
     */
    public String get(String key) {
        return format(key);
    }

    public String format(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException missing) {
            return "[" + key + "]";
        }
        MessageFormat format = new MessageFormat(pattern, locale);
        return format.format(arguments);
    }

    /** Formats a message; an argument that is itself a {@link Message} is formatted in the same locale first. */
    public String format(Message message) {
        Object[] arguments = message.arguments().toArray();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof Message nested) {
                arguments[i] = format(nested);
            }
        }
        return format(message.key(), arguments);
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
