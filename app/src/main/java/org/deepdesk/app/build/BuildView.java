package org.deepdesk.app.build;

import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.i18n.Messages;

/**
 * The Build view: a preset chooser, the layer stack with shapes and parameters, editing buttons
 * and a property sheet for the selected layer.
 */
public final class BuildView extends BorderPane {

    private final BuildViewModel model;
    private final Messages messages;
    private final ListView<LayerSummary> stack = new ListView<>();
    private final PropertySheet properties = new PropertySheet();
    private final Label totals = new Label();
    private final Label problem = new Label();
    private final ChangeListener<NetworkSummary> summaryListener = (observable, old, summary) -> show(summary);
    private final ChangeListener<Number> selectionListener = (observable, old, index) -> select(index.intValue());

    public BuildView(BuildViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add("build-view");
        setPadding(new Insets(12));

        setTop(presetBar());
        setCenter(content());

        model.summaryProperty().addListener(summaryListener);
        show(model.summaryProperty().get());
        stack.getSelectionModel().selectedIndexProperty().addListener((observable, old, index) -> {
            if (index.intValue() != model.selectedIndexProperty().get()) {
                model.selectedIndexProperty().set(index.intValue());
            }
            showProperties();
        });
        model.selectedIndexProperty().addListener(selectionListener);
    }

    /** Detaches this view from the model, so a replaced view stops listening. */
    public void dispose() {
        model.summaryProperty().removeListener(summaryListener);
        model.selectedIndexProperty().removeListener(selectionListener);
    }

    private HBox presetBar() {
        Label label = new Label(messages.get("build.preset"));
        ComboBox<String> presets = new ComboBox<>(model.presetIds());
        presets.setId("presetChooser");
        presets.setCellFactory(list -> presetCell());
        presets.setButtonCell(presetCell());
        presets.valueProperty().bindBidirectional(model.selectedPresetProperty());
        presets.setAccessibleText(messages.get("build.preset"));

        HBox bar = new HBox(8, label, presets);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
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
        stack.setId("layerStack");
        stack.setCellFactory(list -> new LayerCell(messages));
        stack.setAccessibleText(messages.get("build.stack"));
        VBox.setVgrow(stack, Priority.ALWAYS);

        Label header = new Label(messages.get("build.stackHeader"));
        header.getStyleClass().add("section-title");
        problem.getStyleClass().add("network-problem");
        problem.setWrapText(true);
        totals.getStyleClass().add("network-totals");

        VBox left = new VBox(8, header, stack, editButtons(), totals, problem);

        properties.setId("layerProperties");
        properties.setModeSwitcherVisible(false);
        properties.setSearchBoxVisible(false);
        properties.setMode(PropertySheet.Mode.NAME);
        Label propertiesHeader = new Label(messages.get("build.properties"));
        propertiesHeader.getStyleClass().add("section-title");
        VBox.setVgrow(properties, Priority.ALWAYS);
        VBox right = new VBox(8, propertiesHeader, properties);
        right.setMinWidth(260);

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.64);
        return split;
    }

    private HBox editButtons() {
        MenuButton add = new MenuButton(messages.get("build.add"));
        add.setId("addLayer");
        for (LayerKind kind : LayerKind.values()) {
            MenuItem item = new MenuItem(messages.get("layer." + kind.typeName() + ".name"));
            item.setId("add" + kind.typeName());
            item.setOnAction(event -> model.add(kind));
            add.getItems().add(item);
        }

        Button remove = button("removeLayer", "build.remove", () -> model.removeSelected());
        Button up = button("moveUp", "build.moveUp", () -> model.moveSelected(-1));
        Button down = button("moveDown", "build.moveDown", () -> model.moveSelected(1));
        remove.disableProperty().bind(model.selectedIndexProperty().lessThan(0));
        up.disableProperty().bind(model.selectedIndexProperty().lessThan(1));
        down.disableProperty().bind(model.selectedIndexProperty().lessThan(0));

        return new HBox(6, add, remove, up, down);
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
        totals.setText(messages.format("build.totals", summary.layers().size(), summary.totalParameters()));
        problem.setText(summary.networkProblem().map(messages::format).orElse(""));
        showProperties();
    }

    private void select(int index) {
        if (index < 0) {
            stack.getSelectionModel().clearSelection();
        } else if (stack.getSelectionModel().getSelectedIndex() != index) {
            stack.getSelectionModel().select(index);
        }
        showProperties();
    }

    private void showProperties() {
        int index = model.selectedIndexProperty().get();
        if (index < 0 || index >= model.spec().layers().size()) {
            properties.getItems().clear();
            return;
        }
        LayerSpec layer = model.spec().layers().get(index);
        properties.getItems().setAll(LayerPropertyItem.itemsOf(layer, messages, changed -> model.replace(index, changed)));
    }
}
