package org.deepdesk.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.deepdesk.app.ErrorDialog;
import org.deepdesk.app.LogFolder;
import org.deepdesk.app.SpinnerText;
import org.deepdesk.app.Workbench;
import org.deepdesk.app.project.ProjectViewModel;
import org.deepdesk.app.project.Recovery;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.project.ProjectStore;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's side of project files: the file choosers, the question about unsaved changes
 * before the project is replaced or the window closes, the offer to restore unsaved work, and
 * the messages of {@link ProjectViewModel}. One per window; it lives across language switches
 * and reads the messages of the current language each time.
 */
public final class ProjectActions {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectActions.class);
    private static final int DEFAULT_PACK_IMAGES = 2_000;

    private final Workbench workbench;
    private final Stage stage;
    /** The images a pack carries unless the teacher asks for another number: enough to train on in a lesson. */
    private final ProjectViewModel project;

    public ProjectActions(Workbench workbench, Stage stage) {
        this.workbench = workbench;
        this.stage = stage;
        this.project = workbench.project();
        project.setErrorHandler(this::showError);
        project.setNoticeHandler(this::showNotice);
        project.packNotesProperty().addListener((observable, old, notes) -> {
            if (notes != null && !notes.isBlank()) {
                showPackNotes(notes);
            }
        });
    }

    private Messages messages() {
        return workbench.messages();
    }

    void newProject() {
        whenChangesHandled(project::newProject);
    }

    void openProject() {
        whenChangesHandled(() -> {
            File chosen = chooser("menu.file.openProject", null).showOpenDialog(stage);
            if (chosen != null) {
                project.open(chosen.toPath());
            }
        });
    }

    void openRecent(Path file) {
        whenChangesHandled(() -> project.openRecent(file));
    }

    /** Opens a project file without asking first, as one passed on the command line at start. */
    public void open(Path file) {
        project.open(file);
    }

    void save() {
        save(() -> { });
    }

    void saveAs() {
        saveAs(() -> { });
    }

    /** Saves to the project's file, or asks for one when it has none; {@code then} runs once saved. */
    private void save(Runnable then) {
        Path current = project.fileProperty().get();
        if (current == null) {
            saveAs(then);
        } else {
            project.save(current, then);
        }
    }

    private void saveAs(Runnable then) {
        Path current = project.fileProperty().get();
        String initialName = current != null
                ? current.getFileName().toString()
                : workbench.build().spec().name().replaceAll("[^\\p{L}\\p{N}-]+", "-").toLowerCase(Locale.ROOT) + ProjectStore.EXTENSION;
        FileChooser chooser = chooser("menu.file.saveProjectAs", current == null ? null : current.getParent());
        chooser.setInitialFileName(initialName);
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            project.save(chosen.toPath(), then);
        }
    }

    /** Asks for the notes and the number of images, then for the file, and exports the classroom pack. */
    void exportPack() {
        Messages messages = messages();
        TextArea notes = new TextArea();
        notes.setAccessibleText(messages.get("pack.export.notes"));
        notes.setPrefRowCount(8);
        Spinner<Integer> imageCount = new Spinner<>(1, 60_000, DEFAULT_PACK_IMAGES, 500);
        imageCount.setEditable(true);
        imageCount.setAccessibleText(messages.get("pack.export.imageCount"));
        Label help = new Label(messages.format("pack.export.help", DEFAULT_PACK_IMAGES));
        help.setWrapText(true);
        imageCount.valueProperty().addListener((observable, old, count) -> help.setText(messages.format("pack.export.help", count)));

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.get("pack.export.title"));
        dialog.initOwner(stage);
        dialog.getDialogPane().setContent(new VBox(8, new Label(messages.get("pack.export.notes")), notes,
                new Label(messages.get("pack.export.imageCount")), imageCount, help));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
            return;
        }
        SpinnerText.commit(imageCount);

        FileChooser chooser = chooser("pack.export.title", null);
        chooser.setInitialFileName(project.displayName(messages) + "-pack" + ProjectStore.EXTENSION);
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            Path target = ProjectViewModel.withExtension(chosen.toPath());
            project.exportPack(target, notes.getText(), imageCount.getValue(),
                    count -> showNotice(Message.of("pack.export.done", target.getFileName().toString(), count)));
        }
    }

    private void showPackNotes(String notes) {
        TextArea text = new TextArea(notes);
        text.setEditable(false);
        text.setWrapText(true);
        text.setAccessibleText(messages().get("pack.notes.title"));
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(messages().get("pack.notes.title"));
        alert.setHeaderText(messages().get("pack.notes.title"));
        alert.getDialogPane().setContent(text);
        alert.initOwner(stage);
        alert.show();
    }

    /** Asks before the window closes with unsaved changes; the window closes unless the user cancels. */
    public void closeWindow() {
        whenChangesHandled(stage::close);
    }

    /**
     * Runs {@code action} once the unsaved changes, if any, are dealt with: saved, when the user
     * wants them, or discarded; not at all when the user cancels or the save fails.
     */
    void whenChangesHandled(Runnable action) {
        if (!project.dirtyProperty().get()) {
            action.run();
            return;
        }
        Messages messages = messages();
        ButtonType save = new ButtonType(messages.get("project.unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("project.unsaved.discard"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                messages.format("project.unsaved.text", project.displayName(messages)), save, discard, ButtonType.CANCEL);
        alert.setTitle(messages.get("project.unsaved.title"));
        alert.setHeaderText(null);
        alert.initOwner(stage);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return;
        }
        if (answer.get() == save) {
            save(action);
        } else {
            action.run();
        }
    }

    /**
     * Looks for work a crashed session left, in the background, and offers to restore the newest;
     * later ones wait for the next start.
     */
    public void offerRecovery() {
        Task<List<Recovery.Entry>> lookup = new Task<>() {
            @Override
            protected List<Recovery.Entry> call() {
                return project.leftOverWork();
            }
        };
        lookup.setOnSucceeded(event -> {
            if (!lookup.getValue().isEmpty()) {
                offerRecovery(lookup.getValue().get(0));
            }
        });
        lookup.setOnFailed(event -> LOG.warn("Could not look for unsaved work to restore", lookup.getException()));
        workbench.background().submit(lookup);
    }

    private void offerRecovery(Recovery.Entry newest) {
        Messages messages = messages();
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(messages.locale()).withZone(ZoneId.systemDefault()).format(newest.savedAt());
        ButtonType restore = new ButtonType(messages.get("project.recovery.restore"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("project.recovery.discard"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                messages.format(Message.of("project.recovery.text", ProjectViewModel.workName(newest), when)), restore, discard);
        alert.setTitle(messages.get("project.recovery.title"));
        alert.setHeaderText(null);
        alert.initOwner(stage);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == restore) {
            whenChangesHandled(() -> project.restore(newest));
        } else if (answer.isPresent() && answer.get() == discard) {
            project.discard(newest);
        }
    }

    private FileChooser chooser(String titleKey, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages().get(titleKey));
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter(messages().get("file.projectType"), "*" + ProjectStore.EXTENSION));
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    private void showError(Throwable failure) {
        if (failure instanceof EngineException engine) {
            LOG.warn("{}", engine.getMessage(), engine);
        } else {
            LOG.error("Unexpected failure", failure);
        }
        Alert alert = ErrorDialog.create(messages(), failure, LogFolder.current());
        alert.initOwner(stage);
        alert.show();
    }

    private void showNotice(Message message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, messages().format(message));
        alert.setHeaderText(null);
        alert.initOwner(stage);
        alert.show();
    }
}
