package org.deepdesk.app.build;

import javafx.collections.FXCollections;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.util.Duration;
import org.deepdesk.i18n.Messages;

/**
 * The layer types to drag into the stack. From the keyboard, Enter inserts the focused type after
 * the selected layer.
 */
final class LayerPalette extends ListView<LayerKind> {

    LayerPalette(BuildViewModel model, StackDrag drag, Messages messages) {
        super(FXCollections.observableArrayList(LayerKind.values()));
        setId("layerPalette");
        getStyleClass().add("layer-palette");
        setAccessibleText(messages.get("build.palette"));
        setPrefWidth(150);
        setMinWidth(130);
        getSelectionModel().selectFirst();

        setCellFactory(list -> {
            ListCell<LayerKind> cell = new ListCell<>() {
                @Override
                protected void updateItem(LayerKind kind, boolean empty) {
                    super.updateItem(kind, empty);
                    if (empty || kind == null) {
                        setText(null);
                        setId(null);
                        setTooltip(null);
                        return;
                    }
                    setText(messages.get("layer." + kind.typeName() + ".name"));
                    setId("palette-" + kind.typeName());
                    Tooltip help = new Tooltip(messages.get("layer." + kind.typeName() + ".help"));
                    help.setWrapText(true);
                    help.setMaxWidth(420);
                    help.setShowDuration(Duration.seconds(30));
                    setTooltip(help);
                }
            };
            drag.installOnPalette(cell);
            return cell;
        });

        setOnKeyPressed(event -> {
            LayerKind kind = getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && kind != null) {
                model.add(kind);
                event.consume();
            }
        });
    }

    /** The type that the Insert key adds to the stack. */
    LayerKind selectedKind() {
        LayerKind kind = getSelectionModel().getSelectedItem();
        return kind != null ? kind : LayerKind.CONV2D;
    }
}
