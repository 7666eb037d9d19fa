package org.deepdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.deepdesk.engine.EngineException;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ErrorDialogTest {

    private static final Path LOG_FOLDER = Path.of("/home/ada/.local/share/DeepDesk/logs");

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void messageNamesFileAndFix(FxRobot robot) {
        EngineException failure = new EngineException(Message.of("error.model.corrupt", "digits.ddmodel"));

        Alert alert = create(robot, Messages.forLocale(Messages.ENGLISH), failure);

        assertThat(alert.getContentText()).contains("digits.ddmodel");
        assertThat(alert.getContentText()).contains("train and save again");
    }

    @Test
    void detailsHoldStackTrace(FxRobot robot) {
        IOException cause = new IOException("invalid stored block lengths");
        EngineException failure = new EngineException(Message.of("error.model.corrupt", "digits.ddmodel"), cause);

        Alert alert = create(robot, Messages.forLocale(Messages.ENGLISH), failure);
        Node details = alert.getDialogPane().getExpandableContent();
        TextArea trace = (TextArea) details.lookup("#errorDetails");

        assertThat(alert.getDialogPane().isExpanded()).isFalse();
        assertThat(trace.getText()).contains("EngineException");
        assertThat(trace.getText()).contains("Caused by: java.io.IOException: invalid stored block lengths");
        assertThat(trace.getText()).contains("ErrorDialogTest.detailsHoldStackTrace");
    }

    @Test
    void unexpectedFailureIsLocalized(FxRobot robot) {
        Alert alert = create(robot, Messages.forLocale(Messages.SIMPLIFIED_CHINESE), new IllegalStateException("boom"));

        assertThat(alert.getContentText()).contains("出现了意外错误");
        assertThat(alert.getContentText()).contains("boom");
    }

    private static Alert create(FxRobot robot, Messages messages, Throwable failure) {
        AtomicReference<Alert> alert = new AtomicReference<>();
        robot.interact(() -> alert.set(ErrorDialog.create(messages, failure, LOG_FOLDER)));
        return alert.get();
    }
}
