package org.deepdesk.app.build;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.i18n.Messages;

/**
 * One property of a layer spec record, edited in a ControlsFX {@link PropertySheet}. Records are
 * immutable, so a change builds a new record through the canonical constructor and hands it on.
 */
final class LayerPropertyItem implements PropertySheet.Item {

    private final LayerSpec layer;
    private final RecordComponent component;
    private final Messages messages;
    private final Consumer<LayerSpec> onChange;

    private LayerPropertyItem(LayerSpec layer, RecordComponent component, Messages messages, Consumer<LayerSpec> onChange) {
        this.layer = layer;
        this.component = component;
        this.messages = messages;
        this.onChange = onChange;
    }

    /** Returns one item per record component of the layer, in declaration order. */
    static List<PropertySheet.Item> itemsOf(LayerSpec layer, Messages messages, Consumer<LayerSpec> onChange) {
        List<PropertySheet.Item> items = new ArrayList<>();
        for (RecordComponent component : layer.getClass().getRecordComponents()) {
            items.add(new LayerPropertyItem(layer, component, messages, onChange));
        }
        return items;
    }

    @Override
    public Class<?> getType() {
        Class<?> type = component.getType();
        // The default editors handle boxed numbers; primitive types get the same editors this way.
        if (type == int.class) {
            return Integer.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        return type;
    }

    @Override
    public String getCategory() {
        return messages.get("layer." + layer.typeName() + ".name");
    }

    @Override
    public String getName() {
        return messages.get("property." + component.getName());
    }

    @Override
    public String getDescription() {
        return messages.get("property." + component.getName() + ".help");
    }

    @Override
    public Object getValue() {
        try {
            return component.getAccessor().invoke(layer);
        } catch (IllegalAccessException | InvocationTargetException impossible) {
            throw new IllegalStateException("record accessors of public records are public", impossible);
        }
    }

    @Override
    public void setValue(Object value) {
        if (value == null || value.equals(getValue())) {
            return;
        }
        onChange.accept(withComponent(value));
    }

    private LayerSpec withComponent(Object value) {
        RecordComponent[] components = layer.getClass().getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            arguments[i] = components[i].getName().equals(component.getName())
                    ? convert(value, types[i])
                    : new LayerPropertyItem(layer, components[i], messages, onChange).getValue();
        }
        try {
            Constructor<? extends LayerSpec> constructor = layer.getClass().getDeclaredConstructor(types);
            return constructor.newInstance(arguments);
        } catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException("every record has a canonical constructor", impossible);
        }
    }

    private static Object convert(Object value, Class<?> type) {
        if (type == int.class && value instanceof Number number) {
            return number.intValue();
        }
        if (type == double.class && value instanceof Number number) {
            return number.doubleValue();
        }
        return value;
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }
}
