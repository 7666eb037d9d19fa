package org.deepdesk.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.deepdesk.app.classroom.DefaultSubset;
import org.deepdesk.app.shell.MainWindow;
import org.deepdesk.engine.interop.keras.KerasImport;
import org.deepdesk.engine.project.ProjectStore;
import org.deepdesk.engine.train.ModelStore;
import org.deepdesk.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one workbench model and the main window on it. */
public class DeepDeskApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DeepDeskApp.class);

    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        Locale locale = Messages.supportedLocale(Locale.getDefault());
        LOG.info("Starting DeepDesk in {}", locale);
        workbench = new Workbench(locale);
        // A project, model or Keras file given as an argument, as a file manager passes it, opens at start.
        Optional<Path> file = getParameters().getUnnamed().stream()
                .filter(DeepDeskApp::isOpenable)
                .map(Path::of)
                .findFirst();
        MainWindow window = new MainWindow(workbench, stage);
        window.show(file);
        DefaultSubset.forUser(workbench).start(stage);
        // The training subset chosen for this computer is no change of the user's.
        workbench.project().markClean();
        workbench.project().startAutosave();
        // After the window is up, so the question has its owner on screen.
        Platform.runLater(() -> window.projects().offerRecovery());
    }

    private static boolean isOpenable(String argument) {
        String name = argument.toLowerCase(Locale.ROOT);
        return name.endsWith(ProjectStore.EXTENSION) || name.endsWith(ModelStore.EXTENSION)
                || KerasImport.isKerasFile(name);
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.shutdown();
        }
    }

    /** The workbench of the running app, for UI tests. */
    public Workbench workbench() {
        return workbench;
    }
}
