package org.deepdesk.app.cli;

import java.io.PrintWriter;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;

/**
 * The output streams of one command together with the message bundle of the chosen locale.
 * Results go to standard output and problems to standard error.
 */
record Console(Messages messages, PrintWriter out, PrintWriter err) {

    /** Formats a bundle message, for building lines that are printed later. */
    String text(String key, Object... arguments) {
        return messages.format(key, arguments);
    }

    void println(String key, Object... arguments) {
        out.println(text(key, arguments));
        out.flush();
    }

    void error(String key, Object... arguments) {
        err.println(text(key, arguments));
        err.flush();
    }

    void error(Message message) {
        err.println(messages.format(message));
        err.flush();
    }
}
