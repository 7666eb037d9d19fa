package org.deepdesk.engine;

import java.util.Locale;
import java.util.Objects;
import org.deepdesk.i18n.Message;

/**
 * A failure the user can act on: bad input files, impossible networks, failed saves. It carries
 * a localizable {@link Message} that names the file or layer and says what to do; the exception
 * text itself is the English form, for logs.
 */
public class EngineException extends RuntimeException {

    private final transient Message userMessage;

    public EngineException(Message userMessage) {
        super(userMessage.english());
        this.userMessage = userMessage;
    }

    public EngineException(Message userMessage, Throwable cause) {
        super(userMessage.english(), cause);
        this.userMessage = userMessage;
    }

    /** Returns a failure's message, or its type when it has none, since message arguments cannot be null. */
    public static String describe(Throwable failure) {
        return Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName());
    }

    public Message userMessage() {
        return userMessage;
    }

    public String localizedMessage(Locale locale) {
        return userMessage.format(locale);
    }
}
