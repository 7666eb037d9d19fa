package org.deepdesk.app.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.deepdesk.engine.spec.LayerCost;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkCost;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.Shape;
import org.deepdesk.i18n.Messages;

/**
 * The summary table, like Keras' {@code model.summary()} with two more columns: per layer the
 * output shape, parameters, multiply-adds and activation memory of one sample. Cells of layers
 * whose input is unknown show a question mark.
 */
final class CostTable extends TableView<CostTable.Row> {

    /** One table row, already formatted for the user's locale. */
    record Row(String number, String layer, String shape, String parameters, String multiplyAdds, String memory) {
    }

    private final Messages messages;

    CostTable(Messages messages) {
        this.messages = messages;
        setId("summaryTable");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(messages.get("build.summary.empty")));
        getColumns().add(column("build.column.number", Row::number, 36));
        getColumns().add(column("build.column.layer", Row::layer, 210));
        getColumns().add(column("build.column.shape", Row::shape, 90));
        getColumns().add(column("build.column.parameters", Row::parameters, 90));
        getColumns().add(column("build.column.multiplyAdds", Row::multiplyAdds, 100));
        getColumns().add(column("build.column.memory", Row::memory, 90));
    }

    void show(NetworkSummary summary, NetworkCost cost) {
        List<Row> rows = new ArrayList<>();
        for (LayerSummary layer : summary.layers()) {
            Optional<LayerCost> layerCost = cost.layers().get(layer.index());
            rows.add(new Row(
                    String.valueOf(layer.index() + 1),
                    LayerText.describe(layer.layer(), messages),
                    layer.output().map(Shape::toString).orElse("?"),
                    Units.count(layer.parameters(), messages),
                    layerCost.map(value -> Units.count(value.multiplyAdds(), messages)).orElse("?"),
                    layerCost.map(value -> Units.bytes(value.activationBytes(), messages)).orElse("?")));
        }
        getItems().setAll(FXCollections.observableArrayList(rows));
    }

    private TableColumn<Row, String> column(String key, Function<Row, String> value, double width) {
        TableColumn<Row, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        return column;
    }
}
