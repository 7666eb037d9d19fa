package org.deepdesk.app.train;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.Property;
import javafx.scene.control.Spinner;
import org.deepdesk.app.SpinnerText;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.util.StringConverter;

/** Form inputs bound both ways to view-model properties, so preset changes show up too. */
final class FormControls {

    private FormControls() {
    }

    static Spinner<Integer> intSpinner(String id, int min, int max, IntegerProperty property) {
        Spinner<Integer> spinner = new Spinner<>(min, max, property.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.valueProperty().addListener((observable, old, value) -> property.set(value));
        property.addListener((observable, old, value) -> spinner.getValueFactory().setValue(value.intValue()));

        // An editable spinner commits typed text only on Enter; commit it on focus loss too, so a
        // value typed before clicking Train is the value the run uses.
        spinner.focusedProperty().addListener((observable, wasFocused, focused) -> {
            if (!focused) {
                SpinnerText.commit(spinner);
            }
        });
        return spinner;
    }

    /** Creates a text field that accepts only numbers; text that does not parse keeps the last number. */
    static <T extends Number> TextField numberField(String id, StringConverter<T> converter, Property<Number> property) {
        @SuppressWarnings("unchecked")
        TextFormatter<T> formatter = new TextFormatter<>(converter, (T) property.getValue());
        formatter.valueProperty().addListener((observable, old, value) -> {
            if (value != null) {
                property.setValue(value);
            }
        });
        property.addListener((observable, old, value) -> {
            @SuppressWarnings("unchecked")
            T typed = (T) value;
            formatter.setValue(typed);
        });
        TextField field = new TextField();
        field.setId(id);
        field.setTextFormatter(formatter);
        return field;
    }
}
