package org.deepdesk.app.build;

import java.lang.reflect.RecordComponent;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.i18n.Messages;

/** Explains the selected layer type and each of its properties in a paragraph. */
final class HelpPane extends ScrollPane {

    private final Messages messages;
    private final VBox content = new VBox(6);

    HelpPane(Messages messages) {
        this.messages = messages;
        setId("layerHelp");
        setFitToWidth(true);
        content.setPadding(new Insets(4));
        setContent(content);
    }

    /** Shows the help of {@code layer}, or a hint when none is selected. */
    void show(LayerSpec layer) {
        content.getChildren().clear();
        if (layer == null) {
            content.getChildren().add(paragraph(messages.get("build.help.none")));
            return;
        }
        Label title = new Label(messages.get("layer." + layer.typeName() + ".name"));
        title.getStyleClass().add("help-title");
        content.getChildren().addAll(title, paragraph(messages.get("layer." + layer.typeName() + ".help")));
        for (RecordComponent component : LayerRecords.properties(layer)) {
            Label name = new Label(messages.get("property." + component.getName()));
            name.getStyleClass().add("help-property");
            content.getChildren().addAll(name, paragraph(messages.get("property." + component.getName() + ".help")));
        }
    }

    private static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }
}
