package org.deepdesk.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.deepdesk.engine.EngineException;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;

/**
 * The error dialog: the localized message on top, which names the file or layer and the fix, and
 * the stack trace in a collapsed "Details" area, with the log folder where the same trace is kept.
 */
public final class ErrorDialog {

    private ErrorDialog() {
    }

    /** Returns the message the user reads: the engine's own for an {@link EngineException}, a generic one otherwise. */
    public static Message userMessage(Throwable failure) {
        if (failure instanceof EngineException engine) {
            return engine.userMessage();
        }
        return Message.of("error.unexpected", String.valueOf(failure));
    }

    /** Builds the dialog. The caller sets its owner and shows it. */
    public static Alert create(Messages messages, Throwable failure, Path logFolder) {
        Alert alert = new Alert(Alert.AlertType.ERROR, messages.format(userMessage(failure)));
        alert.setHeaderText(null);

        TextArea trace = new TextArea(stackTrace(failure));
        trace.setId("errorDetails");
        trace.setEditable(false);
        trace.setWrapText(false);
        trace.setPrefRowCount(14);
        VBox.setVgrow(trace, Priority.ALWAYS);
        Label where = new Label(messages.format("error.details.log", logFolder));
        where.setWrapText(true);
        VBox details = new VBox(6, where, trace);
        details.setMaxWidth(Double.MAX_VALUE);
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setExpanded(false);
        return alert;
    }

    static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
