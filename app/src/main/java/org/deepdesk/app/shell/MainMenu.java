package org.deepdesk.app.shell;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.deepdesk.app.ErrorDialog;
import org.deepdesk.app.LogFolder;
import org.deepdesk.app.Workbench;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.train.ModelStore;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The menu bar: project and model files, editing, language, and help with the log folder. File work runs in background tasks. */
final class MainMenu {

    private static final Logger LOG = LoggerFactory.getLogger(MainMenu.class);

    private final Workbench workbench;
    private final Stage stage;
    private final Messages messages;
    private final ProjectActions projects;
    private final KerasImportMenu kerasImport;

    MainMenu(Workbench workbench, Stage stage, Messages messages, ProjectActions projects) {
        this.workbench = workbench;
        this.stage = stage;
        this.messages = messages;
        this.projects = projects;
        this.kerasImport = new KerasImportMenu(workbench, stage, messages, this::showError);
    }

    MenuBar create() {
        // A project cannot be replaced while a run trains its network.
        BooleanBinding replacingBlocked = workbench.train().runningProperty().or(workbench.project().busyProperty());
        MenuItem newProject = item("newProject", "menu.file.newProject", KeyCode.N, projects::newProject);
        newProject.disableProperty().bind(replacingBlocked);
        MenuItem openProject = item("openProject", "menu.file.openProject", KeyCode.O, projects::openProject);
        openProject.disableProperty().bind(replacingBlocked);
        Menu recent = new Menu(messages.get("menu.file.openRecent"));
        recent.setId("openRecent");
        recent.disableProperty().bind(replacingBlocked);
        fillRecent(recent);
        MenuItem saveProject = item("saveProject", "menu.file.saveProject", KeyCode.S, projects::save);
        saveProject.disableProperty().bind(workbench.project().busyProperty());
        MenuItem saveProjectAs = item("saveProjectAs", "menu.file.saveProjectAs", KeyCode.S, projects::saveAs);
        saveProjectAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        saveProjectAs.disableProperty().bind(workbench.project().busyProperty());

        MenuItem exportPack = new MenuItem(messages.get("menu.file.exportPack"));
        exportPack.setId("exportPack");
        exportPack.disableProperty().bind(workbench.project().busyProperty());
        exportPack.setOnAction(event -> projects.exportPack());

        MenuItem open = new MenuItem(messages.get("menu.file.openModel"));
        open.setId("openModel");
        open.setOnAction(event -> openModel());
        MenuItem save = new MenuItem(messages.get("menu.file.saveModel"));
        save.setId("saveModel");
        save.disableProperty().bind(workbench.train().networkProperty().isNull().or(workbench.train().runningProperty()));
        save.setOnAction(event -> saveModel());
        MenuItem quit = new MenuItem(messages.get("menu.file.quit"));
        quit.setOnAction(event -> projects.closeWindow());
        ExportMenu exports = new ExportMenu(workbench, stage, messages, this::showError);
        MenuItem importKeras = kerasImport.item(workbench.train().runningProperty());
        Menu file = new Menu(messages.get("menu.file"), null, newProject, openProject, recent, saveProject, saveProjectAs,
                exportPack, new SeparatorMenuItem(), open, save, importKeras, exports.keras(), exports.pyTorch(),
                new SeparatorMenuItem(), quit);
        file.setOnShowing(event -> fillRecent(recent));

        MenuItem undo = new MenuItem(messages.get("menu.edit.undo"));
        undo.setId("menuUndo");
        undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.disableProperty().bind(workbench.build().canUndoProperty().not());
        undo.setOnAction(event -> workbench.build().undo());
        MenuItem redo = new MenuItem(messages.get("menu.edit.redo"));
        redo.setId("menuRedo");
        redo.setAccelerator(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN));
        redo.disableProperty().bind(workbench.build().canRedoProperty().not());
        redo.setOnAction(event -> workbench.build().redo());
        Menu edit = new Menu(messages.get("menu.edit"), null, undo, redo);

        Menu language = new Menu(messages.get("menu.language"));
        ToggleGroup group = new ToggleGroup();
        for (Locale locale : MainWindow.locales()) {
            RadioMenuItem item = new RadioMenuItem(Messages.forLocale(locale).get("language.name"));
            item.setId("language-" + locale.toLanguageTag());
            item.setToggleGroup(group);
            item.setSelected(locale.equals(workbench.localeProperty().get()));
            item.setOnAction(event -> workbench.localeProperty().set(locale));
            language.getItems().add(item);
        }

        MenuItem about = new MenuItem(messages.get("menu.help.about"));
        about.setOnAction(event -> showInformation(messages.get("menu.help.about"), messages.get("about.text")));
        MenuItem logs = new MenuItem(messages.get("menu.help.openLogFolder"));
        logs.setId("openLogFolder");
        logs.setOnAction(event -> openLogFolder());
        Menu help = new Menu(messages.get("menu.help"), null, about, logs);

        MenuBar bar = new MenuBar(file, edit, language, help);
        bar.setId("mainMenu");
        return bar;
    }

    private MenuItem item(String id, String textKey, KeyCode key, Runnable action) {
        MenuItem item = new MenuItem(messages.get(textKey));
        item.setId(id);
        item.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        item.setOnAction(event -> action.run());
        return item;
    }

    /** Lists the recent projects, newest first, with a way to clear the list; read each time the File menu opens. */
    private void fillRecent(Menu recent) {
        List<Path> files = workbench.project().recentFiles().files();
        recent.getItems().clear();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem(messages.get("menu.file.openRecent.empty"));
            none.setDisable(true);
            recent.getItems().add(none);
            return;
        }
        for (int index = 0; index < files.size(); index++) {
            Path file = files.get(index);
            // Numbered, the file name first and its folder after it; no mnemonics, since paths may hold underscores.
            MenuItem item = new MenuItem((index + 1) + "  " + file.getFileName() + "  \u2014  " + file.getParent());
            item.setMnemonicParsing(false);
            item.setId("recentProject" + index);
            item.setOnAction(event -> projects.openRecent(file));
            recent.getItems().add(item);
        }
        MenuItem clear = new MenuItem(messages.get("menu.file.openRecent.clear"));
        clear.setId("clearRecent");
        clear.setOnAction(event -> workbench.project().recentFiles().clear());
        recent.getItems().addAll(new SeparatorMenuItem(), clear);
    }

    /** Imports a Keras HDF5 file, such as one passed on the command line. */
    void importKeras(Path file) {
        kerasImport.importModel(file);
    }

    private FileChooser modelChooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("file.modelType"), "*" + ModelStore.EXTENSION));
        return chooser;
    }

    private void openModel() {
        File file = modelChooser("menu.file.openModel").showOpenDialog(stage);
        if (file != null) {
            openModel(file.toPath());
        }
    }

    /** Loads a model file in the background and shows it in every view, or explains why it cannot. */
    void openModel(Path file) {
        Task<TrainableNetwork> task = new Task<>() {
            @Override
            protected TrainableNetwork call() {
                return ModelStore.load(file);
            }
        };
        task.setOnSucceeded(event -> {
            TrainableNetwork network = task.getValue();
            workbench.build().specProperty().set(network.spec());
            workbench.train().showLoaded(network);
        });
        task.setOnFailed(event -> showError(task.getException()));
        workbench.background().submit(task);
    }

    private void saveModel() {
        TrainableNetwork network = workbench.train().networkProperty().get();
        FileChooser chooser = modelChooser("menu.file.saveModel");
        chooser.setInitialFileName(network.spec().name().replaceAll("[^A-Za-z0-9-]+", "-").toLowerCase(Locale.ROOT) + ModelStore.EXTENSION);
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        File target = file.getName().endsWith(ModelStore.EXTENSION) ? file : new File(file.getPath() + ModelStore.EXTENSION);
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                ModelStore.save(network, target.toPath());
                return null;
            }
        };
        task.setOnFailed(event -> showError(task.getException()));
        workbench.background().submit(task);
    }

    private void showError(Throwable failure) {
        if (failure instanceof EngineException engine) {
            LOG.warn("{}", engine.getMessage(), engine);
        } else {
            LOG.error("Unexpected failure", failure);
        }
        Alert alert = ErrorDialog.create(messages, failure, LogFolder.current());
        alert.initOwner(stage);
        alert.show();
    }

    /** Opens the log folder in the system's file manager; {@link Desktop#open} may block, so it runs in the background. */
    private void openLogFolder() {
        Path folder = LogFolder.current();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws IOException {
                Files.createDirectories(folder);
                if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                    throw new IOException("no file manager is available");
                }
                Desktop.getDesktop().open(folder.toFile());
                return null;
            }
        };
        task.setOnFailed(event -> showError(new EngineException(Message.of("error.logFolder", folder), task.getException())));
        workbench.background().submit(task);
    }

    private void showInformation(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.initOwner(stage);
        alert.show();
    }
}
