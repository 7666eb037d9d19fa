package org.deepdesk.app.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.deepdesk.engine.eval.ClassMetrics;
import org.deepdesk.i18n.Messages;

/** Precision, recall and F1 of each class, with the number of test images of that class. */
final class ClassMetricsTable extends TableView<ClassMetrics> {

    ClassMetricsTable(Messages messages) {
        setId("classMetrics");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        TableColumn<ClassMetrics, Integer> digit = new TableColumn<>(messages.get("evaluate.column.class"));
        digit.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().classIndex()));
        TableColumn<ClassMetrics, Integer> support = new TableColumn<>(messages.get("evaluate.column.support"));
        support.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().support()));

        getColumns().add(digit);
        getColumns().add(percentColumn(messages.get("evaluate.column.precision"), ClassMetrics::precision, messages.locale()));
        getColumns().add(percentColumn(messages.get("evaluate.column.recall"), ClassMetrics::recall, messages.locale()));
        getColumns().add(percentColumn(messages.get("evaluate.column.f1"), ClassMetrics::f1, messages.locale()));
        getColumns().add(support);
        setPlaceholder(new javafx.scene.control.Label(messages.get("evaluate.none")));
    }

    void show(List<ClassMetrics> metrics) {
        setItems(FXCollections.observableArrayList(metrics));
    }

    private static TableColumn<ClassMetrics, String> percentColumn(String title, ToDoubleFunction<ClassMetrics> value, Locale locale) {
        TableColumn<ClassMetrics, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> {
            double number = value.applyAsDouble(row.getValue());
            return new ReadOnlyStringWrapper(Double.isNaN(number) ? "–" : String.format(locale, "%.1f%%", number * 100));
        });
        return column;
    }
}
