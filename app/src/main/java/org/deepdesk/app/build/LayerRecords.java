package org.deepdesk.app.build;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.deepdesk.engine.spec.LayerSpec;

/**
 * Reads and replaces the properties of layer spec records by name. Specs are immutable records,
 * so a changed property gives a new record built through the canonical constructor.
 */
final class LayerRecords {

    private LayerRecords() {
    }

    /** Returns the record components of the layer, in declaration order. */
    static List<RecordComponent> properties(LayerSpec layer) {
        return List.of(layer.getClass().getRecordComponents());
    }

    static Object value(LayerSpec layer, RecordComponent component) {
        try {
            return component.getAccessor().invoke(layer);
        } catch (IllegalAccessException | InvocationTargetException impossible) {
            throw new IllegalStateException("record accessors of public records are public", impossible);
        }
    }

    /** Returns a copy of {@code layer} with the property {@code name} set to {@code value}. */
    static LayerSpec with(LayerSpec layer, String name, Object value) {
        RecordComponent[] components = layer.getClass().getRecordComponents();
        Object[] arguments = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (components[i].getName().equals(name)) {
                arguments[i] = convert(value, types[i]);
                found = true;
            } else {
                arguments[i] = value(layer, components[i]);
            }
        }
        if (!found) {
            throw new IllegalArgumentException(layer.typeName() + " has no property " + name);
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
}
