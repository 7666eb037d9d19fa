package org.deepdesk.app.build;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.Shape;
import org.deepdesk.i18n.Messages;

/** One row of the layer stack: number, type and settings, output shape, parameters and any problem. */
final class LayerCell extends ListCell<LayerSummary> {

    private final Messages messages;

    LayerCell(Messages messages) {
        this.messages = messages;
    }

    @Override
    protected void updateItem(LayerSummary summary, boolean empty) {
        super.updateItem(summary, empty);
        getStyleClass().remove("layer-invalid");
        if (empty || summary == null) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            return;
        }

        Label title = new Label((summary.index() + 1) + ". " + LayerText.describe(summary.layer(), messages));
        title.getStyleClass().add("layer-title");
        Label shape = new Label(summary.output().map(Shape::toString).orElse("?"));
        shape.getStyleClass().add("layer-shape");
        shape.setMinWidth(90);
        shape.setAlignment(Pos.CENTER_RIGHT);
        Label parameters = new Label(String.format(messages.locale(), "%,d", summary.parameters()));
        parameters.getStyleClass().add("layer-params");
        parameters.setMinWidth(80);
        parameters.setAlignment(Pos.CENTER_RIGHT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8, title, spacer, shape, parameters);
        row.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(2, row);
        summary.problem().ifPresent(problem -> {
            Label message = new Label(messages.format(problem));
            message.setWrapText(true);
            message.getStyleClass().add("layer-problem");
            content.getChildren().add(message);
            getStyleClass().add("layer-invalid");
        });

        setText(null);
        setGraphic(content);
        setTooltip(new Tooltip(messages.get("layer." + summary.layer().typeName() + ".help")));
    }
}
