package org.deepdesk.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deepdesk.i18n.Message;

/**
 * Computes every layer's output shape and parameter count, and explains in plain words why a
 * stack cannot work. Layer numbers in messages count from 1, as the user sees them.
 *
 * <p>After the first failing layer the following layers get no shape, because their input is
 * unknown; they are not reported again.
 */
public final class ShapeInference {

    private ShapeInference() {
    }

    public static NetworkSummary summarize(NetworkSpec network, int classCount) {
        List<LayerSummary> summaries = new ArrayList<>();
        Optional<Shape> current = inputProblem(network.input()).isPresent()
                ? Optional.empty()
                : Optional.of(network.input());
        List<LayerSpec> layers = network.layers();

        for (int index = 0; index < layers.size(); index++) {
            LayerSpec layer = layers.get(index);
            if (current.isEmpty()) {
                summaries.add(new LayerSummary(index, layer, Optional.empty(), 0, Optional.empty()));
                continue;
            }
            boolean last = index == layers.size() - 1;
            Step step = infer(layer, current.get(), index + 1, last, classCount);
            summaries.add(new LayerSummary(index, layer, step.output(), step.parameters(), step.problem()));
            current = step.problem().isPresent() ? Optional.empty() : step.output();
        }
        return new NetworkSummary(summaries, networkProblem(network, classCount));
    }

    private static Optional<Message> inputProblem(ImageShape input) {
        if (input == null || input.height() < 1 || input.width() < 1 || input.channels() < 1) {
            return Optional.of(Message.of("problem.input.invalid", String.valueOf(input)));
        }
        return Optional.empty();
    }

    private static Optional<Message> networkProblem(NetworkSpec network, int classCount) {
        Optional<Message> input = inputProblem(network.input());
        if (input.isPresent()) {
            return input;
        }
        List<LayerSpec> layers = network.layers();
        if (layers.isEmpty()) {
            return Optional.of(Message.of("problem.network.empty", classCount));
        }
        if (!(layers.get(layers.size() - 1) instanceof DenseSpec dense) || dense.activation() != Activation.SOFTMAX) {
            return Optional.of(Message.of("problem.network.noSoftmaxOutput", classCount));
        }
        return Optional.empty();
    }

    private record Step(Optional<Shape> output, long parameters, Optional<Message> problem) {

        static Step ok(Shape output, long parameters) {
            return new Step(Optional.of(output), parameters, Optional.empty());
        }

        static Step fail(String key, Object... arguments) {
            return new Step(Optional.empty(), 0, Optional.of(Message.of(key, arguments)));
        }
    }

    private static Step infer(LayerSpec layer, Shape input, int number, boolean last, int classCount) {
        // Java 17 has no pattern matching in switch, so the sealed cases are tested in turn.
        if (layer instanceof Conv2DSpec conv) {
            return convolution(conv, input, number);
        }
        if (layer instanceof MaxPool2DSpec pool) {
            return pooling(pool.size(), pool.stride(), input, number, "MaxPool2D");
        }
        if (layer instanceof AvgPool2DSpec pool) {
            return pooling(pool.size(), pool.stride(), input, number, "AvgPool2D");
        }
        if (layer instanceof DenseSpec dense) {
            return dense(dense, input, number, last, classCount);
        }
        if (layer instanceof DropoutSpec dropout) {
            return dropout(dropout, input, number);
        }
        if (layer instanceof BatchNormSpec) {
            return batchNorm(input);
        }
        if (layer instanceof ActivationSpec activation) {
            return activation(activation, input, number);
        }
        return flatten(input, number);
    }

    private static Step convolution(Conv2DSpec conv, Shape input, int number) {
        if (!(input instanceof ImageShape image)) {
            return Step.fail("problem.conv.needsImage", number, input);
        }
        if (conv.filters() < 1) {
            return Step.fail("problem.conv.filters", number, conv.filters());
        }
        if (conv.kernel() < 1) {
            return Step.fail("problem.kernel.tooSmall", number, conv.kernel());
        }
        if (conv.stride() < 1) {
            return Step.fail("problem.stride.tooSmall", number, conv.stride());
        }
        if (conv.activation() == Activation.SOFTMAX) {
            return Step.fail("problem.softmax.notLast", number);
        }
        if (conv.padding() == Padding.VALID && (conv.kernel() > image.height() || conv.kernel() > image.width())) {
            return Step.fail("problem.conv.kernelTooLarge", number, conv.kernel(), image);
        }

        int height = outputSize(image.height(), conv.kernel(), conv.stride(), conv.padding());
        int width = outputSize(image.width(), conv.kernel(), conv.stride(), conv.padding());
        long weights = (long) conv.kernel() * conv.kernel() * image.channels() * conv.filters();
        return Step.ok(new ImageShape(height, width, conv.filters()), weights + conv.filters());
    }

    private static Step pooling(int size, int stride, Shape input, int number, String type) {
        if (!(input instanceof ImageShape image)) {
            return Step.fail("problem.pool.needsImage", number, type, input);
        }
        if (size < 1) {
            return Step.fail("problem.kernel.tooSmall", number, size);
        }
        if (stride < 1) {
            return Step.fail("problem.stride.tooSmall", number, stride);
        }
        if (size > image.height() || size > image.width()) {
            return Step.fail("problem.pool.windowTooLarge", number, type, size, image);
        }

        int height = outputSize(image.height(), size, stride, Padding.VALID);
        int width = outputSize(image.width(), size, stride, Padding.VALID);
        return Step.ok(new ImageShape(height, width, image.channels()), 0);
    }

    private static Step dense(DenseSpec dense, Shape input, int number, boolean last, int classCount) {
        if (input instanceof ImageShape image) {
            return Step.fail("problem.dense.needsFlatten", number, image);
        }
        if (dense.units() < 1) {
            return Step.fail("problem.dense.units", number, dense.units());
        }
        if (dense.activation() == Activation.SOFTMAX && !last) {
            return Step.fail("problem.softmax.notLast", number);
        }
        if (last && dense.activation() == Activation.SOFTMAX && dense.units() != classCount) {
            return Step.fail("problem.output.classCount", number, dense.units(), classCount);
        }
        long weights;
        try {
            weights = Math.addExact(Math.multiplyExact(input.size(), (long) dense.units()), dense.units());
        } catch (ArithmeticException overflow) {
            return Step.fail("problem.dense.tooLarge", number, input.size(), dense.units());
        }
        return Step.ok(new VectorShape(dense.units()), weights);
    }

    private static Step dropout(DropoutSpec dropout, Shape input, int number) {
        if (!(dropout.rate() >= 0 && dropout.rate() < 1)) {
            return Step.fail("problem.dropout.rate", number, dropout.rate());
        }
        return Step.ok(input, 0);
    }

    private static Step batchNorm(Shape input) {
        long features = input instanceof ImageShape image ? image.channels() : input.size();
        // Scale and shift are learned; the running mean and variance are stored with them.
        return Step.ok(input, 4 * features);
    }

    private static Step activation(ActivationSpec activation, Shape input, int number) {
        // Softmax belongs in the output Dense layer, which the training loss is built on.
        if (activation.activation() == Activation.SOFTMAX) {
            return Step.fail("problem.activation.softmax", number);
        }
        return Step.ok(input, 0);
    }

    private static Step flatten(Shape input, int number) {
        if (input instanceof VectorShape) {
            return Step.fail("problem.flatten.alreadyFlat", number);
        }
        return Step.ok(new VectorShape(input.size()), 0);
    }

    static int outputSize(int input, int kernel, int stride, Padding padding) {
        return switch (padding) {
            // ceil(input / stride), written so that a huge stride cannot overflow.
            case SAME -> (input - 1) / stride + 1;
            case VALID -> (input - kernel) / stride + 1;
        };
    }
}
