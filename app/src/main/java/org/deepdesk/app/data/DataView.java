package org.deepdesk.app.data;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.deepdesk.engine.data.LoadedDataset;
import org.deepdesk.engine.data.PersonalDigits;
import org.deepdesk.engine.data.SplitSizes;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;

/**
 * The Data tab: the dataset chooser, the loading progress, the load report, the sample grid per
 * class and the split sizes.
 */
public final class DataView extends BorderPane {

    private static final String MNIST = "MNIST";
    private static final String FASHION_MNIST = "Fashion-MNIST";

    private final DataViewModel model;
    private final Messages messages;
    private final ComboBox<String> chooser = new ComboBox<>();
    private final Label title = new Label();
    private final ListView<String> report = new ListView<>();
    private final SampleGrid grid = new SampleGrid();
    private boolean syncing;
    private final ChangeListener<LoadedDataset> datasetListener = (observable, old, dataset) -> show(dataset);

    /**
     * @param handwriting the digits saved to My handwriting, whose count the view shows
     */
    public DataView(DataViewModel model, ObservableValue<PersonalDigits> handwriting, Messages messages) {
        this.model = model;
        this.messages = messages;
        setPadding(new Insets(12));
        setTop(new VBox(8, chooserRow(), progressRow(), messageLabel("dataNotice", model.noticeProperty()),
                messageLabel("dataError", model.errorProperty())));
        setCenter(samplePane(handwriting));
        setRight(reportPane());

        model.datasetProperty().addListener(datasetListener);
        show(model.datasetProperty().get());
        model.showDefault();
    }

    /** Removes the listener on the view model, so a replaced view is not updated any more. */
    public void dispose() {
        model.datasetProperty().removeListener(datasetListener);
    }

    private HBox chooserRow() {
        chooser.setId("datasetChooser");
        chooser.setItems(FXCollections.observableArrayList(MNIST));
        model.fashionMnist().ifPresent(source -> chooser.getItems().add(FASHION_MNIST));
        chooser.setPromptText(messages.get("data.ownData"));
        chooser.setAccessibleText(messages.get("data.chooser"));
        chooser.setOnAction(event -> {
            if (syncing) {
                return;
            }
            if (MNIST.equals(chooser.getValue())) {
                model.loadMnist();
            } else if (FASHION_MNIST.equals(chooser.getValue())) {
                model.loadFashionMnist();
            }
        });

        Button folder = new Button(messages.get("data.openFolder"));
        folder.setId("openImageFolder");
        folder.setOnAction(event -> chooseFolder());
        Button csv = new Button(messages.get("data.openCsv"));
        csv.setId("openCsv");
        csv.setOnAction(event -> chooseCsv());
        chooser.disableProperty().bind(model.loadingProperty());
        folder.disableProperty().bind(model.loadingProperty());
        csv.disableProperty().bind(model.loadingProperty());

        title.setId("datasetTitle");
        title.getStyleClass().add("section-title");
        HBox row = new HBox(8, new Label(messages.get("data.chooser")), chooser, folder, csv, title);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox progressRow() {
        ProgressBar progress = new ProgressBar();
        progress.setId("dataProgress");
        progress.setPrefWidth(240);
        progress.progressProperty().bind(model.progressProperty());
        progress.setAccessibleText(messages.get("data.loading"));
        Button cancel = new Button(messages.get("data.cancel"));
        cancel.setId("cancelLoading");
        cancel.setOnAction(event -> model.cancel());
        HBox row = new HBox(8, new Label(messages.get("data.loading")), progress, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(model.loadingProperty());
        row.managedProperty().bind(model.loadingProperty());
        return row;
    }

    private Label messageLabel(String id, ObservableValue<Message> message) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(
                () -> message.getValue() == null ? "" : messages.format(message.getValue()), message));
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }

    private VBox samplePane(ObservableValue<PersonalDigits> handwriting) {
        Label splits = new Label();
        splits.setId("splitSizes");
        splits.textProperty().bind(Bindings.createStringBinding(() -> {
            SplitSizes sizes = model.splitSizesProperty().get();
            return sizes == null ? "" : messages.format("data.splits", sizes.training(), sizes.validation(), sizes.test());
        }, model.splitSizesProperty()));
        Label handwritingCount = new Label();
        handwritingCount.setId("handwritingSummary");
        handwritingCount.setWrapText(true);
        handwritingCount.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("data.handwriting", handwriting.getValue().size()), handwriting));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return new VBox(8, splits, handwritingCount, scroll);
    }

    private VBox reportPane() {
        report.setId("loadReport");
        report.setPrefWidth(380);
        report.setAccessibleText(messages.get("data.report"));
        Label heading = new Label(messages.get("data.report"));
        heading.getStyleClass().add("section-title");
        VBox.setVgrow(report, Priority.ALWAYS);
        VBox pane = new VBox(8, heading, report);
        pane.setPadding(new Insets(0, 0, 0, 12));
        return pane;
    }

    private void show(LoadedDataset dataset) {
        if (dataset == null) {
            title.setText("");
            report.getItems().clear();
            grid.getChildren().clear();
            return;
        }
        title.setText(messages.format("data.title", dataset.name(), dataset.shape(), dataset.classCount()));
        report.getItems().setAll(DataViewModel.reportLines(dataset.report()).stream().map(messages::format).toList());
        grid.show(dataset, messages);
        boolean builtIn = chooser.getItems().contains(dataset.name());
        // Selecting the loaded set fires the chooser's action, which must not load it again.
        syncing = true;
        chooser.setValue(builtIn ? dataset.name() : null);
        syncing = false;
    }

    private void chooseFolder() {
        DirectoryChooser dialog = new DirectoryChooser();
        dialog.setTitle(messages.get("data.openFolder.title"));
        File folder = dialog.showDialog(getScene().getWindow());
        if (folder != null) {
            model.loadImageFolder(folder.toPath());
        }
    }

    private void chooseCsv() {
        FileChooser dialog = new FileChooser();
        dialog.setTitle(messages.get("data.openCsv.title"));
        dialog.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("data.csvType"), "*.csv"));
        File file = dialog.showOpenDialog(getScene().getWindow());
        if (file != null) {
            model.loadCsv(file.toPath());
        }
    }
}
