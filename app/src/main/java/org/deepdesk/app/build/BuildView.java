package org.deepdesk.app.build;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.deepdesk.app.classroom.PresenterLayout;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkCost;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.i18n.Message;
import org.deepdesk.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Build view: the layer palette, the stack with shapes and problems, the property editor
 * with help, and below the stack the summary table and the network picture.
 *
 * <p>Keys in the stack: Insert adds the palette's type after the selected layer, Delete removes
 * it, Alt+Up and Alt+Down move it, Ctrl+D duplicates it.
 */
public final class BuildView extends BorderPane {

    private static final Logger LOG = LoggerFactory.getLogger(BuildView.class);

    private final BuildViewModel model;
    private final EpochTimeEstimator estimator;
    private final Messages messages;
    private final StackDrag drag;
    private final ListView<LayerSummary> stack = new ListView<>();
    private final LayerPalette palette;
    private final LayerPropertyEditor editor;
    private final HelpPane help;
    private final CostTable table;
    private final NetworkPicture picture;
    private final Label totals = new Label();
    private final Label epochTime = new Label();
    private final Label problem = new Label();
    private final Label exportStatus = new Label();
    private final ChangeListener<NetworkSummary> summaryListener = (observable, old, summary) -> show(summary);
    private final ChangeListener<Number> selectionListener = (observable, old, index) -> select(index.intValue());
    private final ChangeListener<Message> estimateListener = (observable, old, estimate) -> showEstimate(estimate);

    public BuildView(BuildViewModel model, EpochTimeEstimator estimator, Messages messages) {
        this.model = model;
        this.estimator = estimator;
        this.messages = messages;
        this.drag = new StackDrag(model);
        this.palette = new LayerPalette(model, drag, messages);
        this.editor = new LayerPropertyEditor(model, messages);
        this.help = new HelpPane(messages);
        this.table = new CostTable(messages);
        this.picture = new NetworkPicture(messages);
        getStyleClass().add("build-view");
        setPadding(new Insets(8, 12, 8, 12));

        setTop(topBar());
        setCenter(content());

        model.summaryProperty().addListener(summaryListener);
        model.selectedIndexProperty().addListener(selectionListener);
        estimator.estimateProperty().addListener(estimateListener);
        stack.getSelectionModel().selectedIndexProperty().addListener((observable, old, index) -> {
            if (index.intValue() != model.selectedIndexProperty().get()) {
                model.selectedIndexProperty().set(index.intValue());
            }
        });
        show(model.summaryProperty().get());
        showEstimate(estimator.estimateProperty().get());
        addEventFilter(KeyEvent.KEY_PRESSED, this::redoKey);
    }

    /** Detaches this view from the models, so a replaced view stops listening. */
    public void dispose() {
        model.summaryProperty().removeListener(summaryListener);
        model.selectedIndexProperty().removeListener(selectionListener);
        estimator.estimateProperty().removeListener(estimateListener);
    }

    private HBox topBar() {
        Label label = new Label(messages.get("build.preset"));
        ComboBox<String> presets = new ComboBox<>(model.presetIds());
        presets.setId("presetChooser");
        presets.setCellFactory(list -> presetCell());
        presets.setButtonCell(presetCell());
        presets.valueProperty().bindBidirectional(model.selectedPresetProperty());
        presets.setAccessibleText(messages.get("build.preset"));

        Button undo = button("undo", "build.undo", model::undo);
        undo.disableProperty().bind(model.canUndoProperty().not());
        Button redo = button("redo", "build.redo", model::redo);
        redo.disableProperty().bind(model.canRedoProperty().not());

        HBox bar = new HBox(8, label, presets, undo, redo);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));
        return bar;
    }

    private ListCell<String> presetCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : messages.get("preset." + id));
            }
        };
    }

    private SplitPane content() {
        VBox.setVgrow(palette, Priority.ALWAYS);
        VBox left = new VBox(6, title("build.palette"), palette, hint());
        left.setMinWidth(130);

        stack.setId("layerStack");
        stack.setCellFactory(list -> {
            LayerCell cell = new LayerCell(messages);
            drag.installOnStack(cell);
            return cell;
        });
        stack.setAccessibleText(messages.get("build.stack"));
        stack.addEventFilter(KeyEvent.KEY_PRESSED, this::stackKey);
        drag.installOnList(stack);
        problem.getStyleClass().add("network-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Label.USE_PREF_SIZE);
        VBox.setVgrow(stack, Priority.ALWAYS);
        VBox stackBox = new VBox(6, title("build.stackHeader"), stack, editButtons(), problem);

        SplitPane middle = new SplitPane(stackBox, details());
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.5);

        VBox.setVgrow(help, Priority.ALWAYS);
        VBox helpBox = new VBox(6, title("build.help"), help);
        VBox.setVgrow(helpBox, Priority.ALWAYS);
        helpBox.getStyleClass().add(PresenterLayout.SECONDARY);
        VBox right = new VBox(6, title("build.properties"), editor, helpBox);
        right.setMinWidth(260);

        SplitPane split = new SplitPane(left, middle, right);
        split.setDividerPositions(0.12, 0.70);
        return split;
    }

    private Label hint() {
        Label hint = new Label(messages.get("build.palette.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Label.USE_PREF_SIZE);
        hint.getStyleClass().add("hint");
        return hint;
    }

    private TabPane details() {
        totals.getStyleClass().add("network-totals");
        totals.setId("summaryTotals");
        epochTime.setId("epochTime");
        epochTime.setWrapText(true);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox summary = new VBox(4, table, totals, epochTime);

        ScrollPane canvas = new ScrollPane(picture);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        Button export = button("exportPicture", "build.picture.export", this::exportPicture);
        HBox exportBar = new HBox(8, export, exportStatus);
        exportBar.setAlignment(Pos.CENTER_LEFT);
        VBox pictureBox = new VBox(4, canvas, exportBar);

        table.setAccessibleText(messages.get("build.summary"));
        picture.setAccessibleText(messages.get("build.picture"));
        Tab summaryTab = new Tab(messages.get("build.summary"), summary);
        summaryTab.setId("summaryTab");
        Tab pictureTab = new Tab(messages.get("build.picture"), pictureBox);
        pictureTab.setId("pictureTab");
        TabPane tabs = new TabPane(summaryTab, pictureTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private HBox editButtons() {
        Button insert = button("insertLayer", "build.insert", () -> model.add(palette.selectedKind()));
        Button remove = button("removeLayer", "build.remove", model::removeSelected);
        Button duplicate = button("duplicateLayer", "build.duplicate", model::duplicateSelected);
        Button up = button("moveUp", "build.moveUp", () -> model.moveSelected(-1));
        Button down = button("moveDown", "build.moveDown", () -> model.moveSelected(1));
        remove.disableProperty().bind(model.selectedIndexProperty().lessThan(0));
        duplicate.disableProperty().bind(model.selectedIndexProperty().lessThan(0));
        up.disableProperty().bind(model.selectedIndexProperty().lessThan(1));
        down.disableProperty().bind(model.selectedIndexProperty().lessThan(0));
        return new HBox(6, insert, remove, duplicate, up, down);
    }

    private void stackKey(KeyEvent event) {
        boolean handled = true;
        if (event.getCode() == KeyCode.INSERT) {
            model.add(palette.selectedKind());
        } else if (event.getCode() == KeyCode.DELETE) {
            model.removeSelected();
        } else if (event.isAltDown() && event.getCode() == KeyCode.UP) {
            model.moveSelected(-1);
        } else if (event.isAltDown() && event.getCode() == KeyCode.DOWN) {
            model.moveSelected(1);
        } else if (event.isShortcutDown() && event.getCode() == KeyCode.D) {
            model.duplicateSelected();
        } else {
            handled = false;
        }
        if (handled) {
            event.consume();
        }
    }

    /** Ctrl+Shift+Z redoes, as in most editors; the Edit menu holds Ctrl+Z and Ctrl+Y. */
    private void redoKey(KeyEvent event) {
        if (event.isShortcutDown() && event.isShiftDown() && event.getCode() == KeyCode.Z
                && !(event.getTarget() instanceof javafx.scene.control.TextInputControl)) {
            model.redo();
            event.consume();
        }
    }

    private Label title(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("section-title");
        return label;
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private void show(NetworkSummary summary) {
        if (summary == null) {
            return;
        }
        int selected = model.selectedIndexProperty().get();
        stack.setItems(FXCollections.observableArrayList(summary.layers()));
        if (selected >= 0 && selected < summary.layers().size()) {
            stack.getSelectionModel().select(selected);
        }
        NetworkCost cost = model.costProperty().get();
        table.show(summary, cost);
        totals.setText(messages.format("build.totals", summary.layers().size(), summary.totalParameters(),
                cost.totalMultiplyAdds(), Units.bytes(cost.totalActivationBytes(), messages)));
        problem.setText(summary.networkProblem().map(messages::format).orElse(""));
        picture.draw(model.spec(), summary);
        showSelected();
    }

    private void select(int index) {
        if (index < 0) {
            stack.getSelectionModel().clearSelection();
        } else if (stack.getSelectionModel().getSelectedIndex() != index) {
            stack.getSelectionModel().select(index);
        }
        showSelected();
    }

    private void showSelected() {
        int index = model.selectedIndexProperty().get();
        boolean inStack = index >= 0 && index < model.spec().layers().size();
        LayerSpec layer = inStack ? model.spec().layers().get(index) : null;
        editor.show(inStack ? index : -1);
        help.show(layer);
    }

    private void showEstimate(Message estimate) {
        epochTime.setText(messages.format(estimate));
    }

    private void exportPicture() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("build.picture.export"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("file.pngType"), "*.png"));
        chooser.setInitialFileName(model.spec().name().replaceAll("[^A-Za-z0-9-]+", "-") + ".png");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        Path target = file.getName().endsWith(".png") ? file.toPath() : Path.of(file.getPath() + ".png");
        Task<Path> task = PictureExport.task(picture, target);
        task.setOnSucceeded(event -> exportStatus.setText(messages.format("build.picture.saved", target.getFileName().toString())));
        task.setOnFailed(event -> {
            LOG.warn("Could not export the network picture to {}", target, task.getException());
            exportStatus.setText(messages.format("build.picture.failed", target.getFileName().toString(),
                    String.valueOf(task.getException().getMessage())));
        });
        Thread thread = new Thread(task, "deepdesk-picture-export");
        thread.setDaemon(true);
        thread.start();
    }
}
