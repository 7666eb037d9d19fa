package org.deepdesk.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.engine.interop.KerasScript;
import org.deepdesk.engine.interop.PyTorchScript;
import org.deepdesk.engine.interop.ScriptFiles;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.i18n.Messages;

/**
 * The File menu's exports of the current stack and training settings as Python code. A background
 * task generates and writes the code, and the file appears only once it is complete.
 */
final class ExportMenu {

    /** Generates one kind of script from the spec, settings, class count and file name. */
    private interface Generator {
        String generate(NetworkSpec spec, TrainingSettings settings, int classCount, String fileName);
    }

    private final Workbench workbench;
    private final Stage stage;
    private final Messages messages;
    private final Consumer<Throwable> errorHandler;

    ExportMenu(Workbench workbench, Stage stage, Messages messages, Consumer<Throwable> errorHandler) {
        this.workbench = workbench;
        this.stage = stage;
        this.messages = messages;
        this.errorHandler = errorHandler;
    }

    MenuItem keras() {
        return item("exportKeras", "menu.file.exportKeras", "_keras.py", KerasScript::generate);
    }

    MenuItem pyTorch() {
        return item("exportPyTorch", "menu.file.exportPyTorch", "_torch.py", PyTorchScript::generate);
    }

    private MenuItem item(String id, String titleKey, String suffix, Generator generator) {
        MenuItem item = new MenuItem(messages.get(titleKey));
        item.setId(id);
        item.disableProperty().bind(workbench.build().validProperty().not());
        item.setOnAction(event -> export(titleKey, suffix, generator));
        return item;
    }

    private void export(String titleKey, String suffix, Generator generator) {
        // All three are read on the FX thread, where their properties live.
        NetworkSpec spec = workbench.build().specProperty().get();
        TrainingSettings settings = workbench.train().settings();
        int classCount = workbench.build().classCount();

        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("file.pythonType"), "*.py"));
        chooser.setInitialFileName(spec.name().replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT) + suffix);
        File chosen = chooser.showSaveDialog(stage);
        if (chosen == null) {
            return;
        }
        Path target = chosen.getName().endsWith(".py") ? chosen.toPath() : Path.of(chosen.getPath() + ".py");

        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                String code = generator.generate(spec, settings, classCount, target.getFileName().toString());
                ScriptFiles.write(target, code);
                return null;
            }
        };
        task.setOnSucceeded(event -> showSaved(target));
        task.setOnFailed(event -> errorHandler.accept(task.getException()));
        workbench.background().submit(task);
    }

    private void showSaved(Path target) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION,
                messages.format("export.saved", target, target.getFileName()));
        alert.setHeaderText(null);
        alert.initOwner(stage);
        alert.show();
    }
}
