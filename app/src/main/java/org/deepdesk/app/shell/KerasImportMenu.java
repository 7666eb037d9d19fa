package org.deepdesk.app.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanExpression;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.deepdesk.app.Workbench;
import org.deepdesk.engine.interop.keras.ImportedModel;
import org.deepdesk.engine.interop.keras.KerasImport;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;

/**
 * The File menu's import of a Keras Sequential model from HDF5. A background task reads the file.
 * The imported network then replaces the current one in every view, ready to predict drawn digits
 * or to train further.
 */
final class KerasImportMenu {

    private final Workbench workbench;
    private final Stage stage;
    private final Messages messages;
    private final Consumer<Throwable> errorHandler;

    KerasImportMenu(Workbench workbench, Stage stage, Messages messages, Consumer<Throwable> errorHandler) {
        this.workbench = workbench;
        this.stage = stage;
        this.messages = messages;
        this.errorHandler = errorHandler;
    }

    MenuItem item(BooleanExpression blocked) {
        MenuItem item = new MenuItem(messages.get("menu.file.importKeras"));
        item.setId("importKeras");
        item.disableProperty().bind(blocked);
        item.setOnAction(event -> choose());
        return item;
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("menu.file.importKeras"));
        // .keras files are listed too, so that choosing one explains how to save it as HDF5 instead.
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("file.kerasType"),
                KerasImport.EXTENSIONS.stream().map(extension -> "*" + extension).toList()));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            importModel(file.toPath());
        }
    }

    /** Imports a Keras file in the background and shows the network in every view, or explains why it cannot. */
    void importModel(Path file) {
        Task<ImportedModel> task = new Task<>() {
            @Override
            protected ImportedModel call() {
                return KerasImport.importModel(file);
            }
        };
        task.setOnSucceeded(event -> show(task.getValue(), file));
        task.setOnFailed(event -> errorHandler.accept(task.getException()));
        workbench.background().submit(task);
    }

    private void show(ImportedModel imported, Path file) {
        TrainableNetwork network = imported.network();
        // A fresh start, as for an opened project: no preset is shown as chosen, and the Train
        // view's settings become the optimizer and rate the Keras model was compiled with.
        workbench.build().openProject(new NetworkDocument(network.spec(), network.settings()));
        Message status = Message.of("keras.imported", file.getFileName(), imported.kerasVersion(), network.spec().layers().size());
        workbench.train().showImported(network, status);

        StringBuilder text = new StringBuilder(messages.format(status));
        for (Message notice : imported.notices()) {
            text.append("\n\n").append(messages.format(notice));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text.toString());
        alert.setTitle(messages.get("menu.file.importKeras"));
        alert.setHeaderText(null);
        alert.initOwner(stage);
        alert.show();
    }
}
