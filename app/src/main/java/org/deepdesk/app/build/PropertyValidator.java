package org.deepdesk.app.build;

import java.util.Optional;
import org.deepdesk.engine.spec.AvgPool2DSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.Padding;
import org.deepdesk.engine.spec.Shape;
import org.deepdesk.i18n.Message;

/**
 * Checks one edited property before it reaches the stack, so that a value that can never work
 * (zero filters, a kernel larger than the input, a negative dropout rate) is rejected on its
 * field with a message instead of breaking the network. Problems that depend on other layers,
 * such as a missing Flatten, stay with {@link org.deepdesk.engine.spec.ShapeInference}.
 */
final class PropertyValidator {

    private PropertyValidator() {
    }

    /**
     * The outcome of a check: the changed layer, or the message for the field.
     *
     * @param layer the layer with the new value, or null when the value is rejected
     * @param error why the value is rejected, or null when it is accepted
     */
    record Result(LayerSpec layer, Message error) {

        static Result accepted(LayerSpec layer) {
            return new Result(layer, null);
        }

        static Result rejected(String key, Object... arguments) {
            return new Result(null, Message.of(key, arguments));
        }

        boolean isAccepted() {
            return error == null;
        }
    }

    /**
     * Parses and checks a new value of {@code property}.
     *
     * @param value a String for number fields, as typed; an enum constant for choice fields
     * @param input the layer's input shape, or empty when a layer before it fails
     */
    static Result check(LayerSpec layer, String property, Object value, Optional<Shape> input) {
        Class<?> type = LayerRecords.properties(layer).stream()
                .filter(component -> component.getName().equals(property))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(layer.typeName() + " has no property " + property))
                .getType();
        Object parsed = value;
        if (type == int.class) {
            Optional<Integer> number = parseInt(value);
            if (number.isEmpty()) {
                return Result.rejected("validation.wholeNumber", String.valueOf(value).trim());
            }
            parsed = number.get();
        } else if (type == double.class) {
            Optional<Double> number = parseDouble(value);
            if (number.isEmpty()) {
                return Result.rejected("validation.number", String.valueOf(value).trim());
            }
            parsed = number.get();
        }

        LayerSpec candidate = LayerRecords.with(layer, property, parsed);
        Optional<Message> error = rangeError(property, parsed).or(() -> fitError(candidate, input));
        return error.map(message -> new Result(null, message)).orElseGet(() -> Result.accepted(candidate));
    }

    private static Optional<Message> rangeError(String property, Object value) {
        if (value instanceof Integer number && number < 1) {
            return switch (property) {
                case "filters" -> Optional.of(Message.of("validation.filters.min"));
                case "units" -> Optional.of(Message.of("validation.units.min"));
                case "kernel" -> Optional.of(Message.of("validation.kernel.min"));
                case "size" -> Optional.of(Message.of("validation.size.min"));
                default -> Optional.of(Message.of("validation.stride.min"));
            };
        }
        if (property.equals("rate") && value instanceof Double rate && !(rate >= 0 && rate < 1)) {
            return Optional.of(Message.of("validation.rate.range"));
        }
        return Optional.empty();
    }

    /** Checks that a kernel or pooling window fits the input, which only VALID windows must. */
    private static Optional<Message> fitError(LayerSpec candidate, Optional<Shape> input) {
        if (input.isEmpty() || !(input.get() instanceof ImageShape image)) {
            return Optional.empty();
        }
        int largest = Math.min(image.height(), image.width());
        if (candidate instanceof Conv2DSpec conv && conv.padding() == Padding.VALID && conv.kernel() > largest) {
            return Optional.of(Message.of("validation.kernel.tooLarge", conv.kernel(), image.toString(), largest));
        }
        int window = candidate instanceof MaxPool2DSpec max ? max.size()
                : candidate instanceof AvgPool2DSpec avg ? avg.size() : 0;
        if (window > largest) {
            return Optional.of(Message.of("validation.size.tooLarge", window, image.toString(), largest));
        }
        return Optional.empty();
    }

    private static Optional<Integer> parseInt(Object value) {
        if (value instanceof Number number) {
            return Optional.of(number.intValue());
        }
        try {
            return Optional.of(Integer.parseInt(String.valueOf(value).trim()));
        } catch (NumberFormatException invalid) {
            return Optional.empty();
        }
    }

    private static Optional<Double> parseDouble(Object value) {
        if (value instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        try {
            double parsed = Double.parseDouble(String.valueOf(value).trim());
            return Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException invalid) {
            return Optional.empty();
        }
    }
}
