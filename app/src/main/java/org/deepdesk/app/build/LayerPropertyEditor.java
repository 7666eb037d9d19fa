package org.deepdesk.app.build;

import java.lang.reflect.RecordComponent;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.i18n.Messages;

/**
 * Edits the properties of the selected layer in place. A number is committed with Enter or when
 * the field loses focus; a rejected value stays in the field, marked, with the reason below it,
 * and the stack keeps the last valid value. Escape restores the field.
 */
final class LayerPropertyEditor extends GridPane {

    private static final String INVALID = "field-invalid";

    private final BuildViewModel model;
    private final Messages messages;
    private int shownIndex = -1;
    private LayerSpec shownLayer;

    LayerPropertyEditor(BuildViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("layerProperties");
        setHgap(8);
        setVgap(4);
        setPadding(new Insets(4, 0, 4, 0));
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        getColumnConstraints().setAll(names, fields);
    }

    /** Shows the layer at {@code index}, unless it is already shown; -1 clears the editor. */
    void show(int index) {
        LayerSpec layer = index >= 0 && index < model.spec().layers().size() ? model.spec().layers().get(index) : null;
        if (index == shownIndex && layer != null && layer.equals(shownLayer)) {
            return;
        }
        shownIndex = index;
        shownLayer = layer;
        getChildren().clear();
        if (layer == null) {
            return;
        }

        int row = 0;
        for (RecordComponent component : LayerRecords.properties(layer)) {
            String name = component.getName();
            Label label = new Label(messages.get("property." + name));
            label.setTooltip(help("property." + name + ".help"));
            Label error = new Label();
            error.setId("error-" + name);
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.setManaged(false);
            error.setVisible(false);

            Control field = component.getType().isEnum()
                    ? choice(layer, component, error)
                    : numberField(layer, component, error);
            field.setId("property-" + name);
            field.setTooltip(help("property." + name + ".help"));
            field.setMaxWidth(Double.MAX_VALUE);
            label.setLabelFor(field);

            add(label, 0, row);
            add(field, 1, row);
            add(error, 1, row + 1);
            row += 2;
        }
    }

    private TextField numberField(LayerSpec layer, RecordComponent component, Label error) {
        String original = String.valueOf(LayerRecords.value(layer, component));
        TextField field = new TextField(original);
        field.setPrefColumnCount(8);
        field.setOnAction(event -> commit(component.getName(), field.getText(), field, error));
        field.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused && field.getScene() != null) {
                commit(component.getName(), field.getText(), field, error);
            }
        });
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                field.setText(original);
                showError(field, error, null);
                event.consume();
            }
        });
        return field;
    }

    private ComboBox<Object> choice(LayerSpec layer, RecordComponent component, Label error) {
        Object[] constants = component.getType().getEnumConstants();
        ComboBox<Object> box = new ComboBox<>(FXCollections.observableArrayList(constants));
        String prefix = component.getType().getSimpleName().toLowerCase(java.util.Locale.ROOT) + ".";
        box.setCellFactory(list -> enumCell(prefix));
        box.setButtonCell(enumCell(prefix));
        box.setValue(LayerRecords.value(layer, component));
        box.valueProperty().addListener((observable, old, value) -> {
            if (value != null && !value.equals(old)) {
                commit(component.getName(), value, box, error);
            }
        });
        return box;
    }

    private ListCell<Object> enumCell(String keyPrefix) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Object value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : messages.get(keyPrefix + value));
            }
        };
    }

    private void commit(String property, Object value, Control field, Label error) {
        if (shownIndex < 0 || shownIndex >= model.spec().layers().size()) {
            return;
        }
        PropertyValidator.Result result = model.editProperty(shownIndex, property, value);
        if (result.isAccepted()) {
            // The editor already shows the new value, so the refresh that follows keeps the fields.
            shownLayer = result.layer();
            showError(field, error, null);
        } else {
            showError(field, error, messages.format(result.error()));
        }
    }

    private static void showError(Control field, Label error, String text) {
        field.getStyleClass().remove(INVALID);
        error.setText(text == null ? "" : text);
        error.setVisible(text != null);
        error.setManaged(text != null);
        if (text != null) {
            field.getStyleClass().add(INVALID);
        }
    }

    private Tooltip help(String key) {
        Tooltip tooltip = new Tooltip(messages.get(key));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.setShowDuration(Duration.seconds(30));
        return tooltip;
    }
}
