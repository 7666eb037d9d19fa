package org.deepdesk.engine.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.interop.keras.KerasStack.WeightSource;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.ActivationSpec;
import org.deepdesk.engine.spec.AvgPool2DSpec;
import org.deepdesk.engine.spec.BatchNormSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.FlattenSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.Padding;
import org.deepdesk.i18n.Message;

/**
 * Turns the {@code model_config} of a Keras 2 Sequential model into a {@link KerasStack}. Every
 * layer type and option that DeepDesk cannot reproduce exactly is collected, so one message names
 * them all instead of the user fixing them one import at a time.
 *
 * <p>Options that only matter to Keras' own training (initializers, regularizers, constraints)
 * are ignored.
 */
final class KerasConfigMapper {

    private final String fileName;
    private final List<LayerSpec> layers = new ArrayList<>();
    private final List<WeightSource> weightSources = new ArrayList<>();
    private final List<Message> problems = new ArrayList<>();
    private final List<Message> notices = new ArrayList<>();
    /** Whether the tensor after the layers so far is a vector rather than an image. */
    private boolean flat;

    private KerasConfigMapper(String fileName) {
        this.fileName = fileName;
    }

    /**
     * Maps a Sequential model configuration.
     *
     * @throws EngineException naming the file when the model is not Sequential, has no input
     *     shape, or uses layers or options that DeepDesk does not have
     */
    static KerasStack map(JsonNode modelConfig, String fileName) {
        return new KerasConfigMapper(fileName).mapModel(modelConfig);
    }

    private KerasStack mapModel(JsonNode modelConfig) {
        String className = modelConfig.path("class_name").asText("");
        if (!className.equals("Sequential")) {
            throw new EngineException(Message.of("error.keras.notSequential", fileName, className));
        }
        // Keras 2.0 and 2.1 wrote the layer list as the config itself; later versions nest it.
        JsonNode config = modelConfig.path("config");
        JsonNode kerasLayers = config.isArray() ? config : config.path("layers");
        if (!kerasLayers.isArray() || kerasLayers.isEmpty()) {
            throw new EngineException(Message.of("error.keras.empty", fileName));
        }

        ImageShape input = inputShape(kerasLayers);
        for (JsonNode layer : kerasLayers) {
            mapLayer(layer.path("class_name").asText(""), layer.path("config"));
        }
        if (!problems.isEmpty()) {
            throw new EngineException(Message.of("error.keras.unsupported", fileName, join(problems)));
        }
        finishOutputLayer();
        String name = config.path("name").asText("");
        return new KerasStack(name.isBlank() ? fileName : name, input, layers, weightSources, notices);
    }

    /**
     * Reads the input shape from an InputLayer or the first layer. A shape without channels is
     * one grey channel, and a flat vector of a square size becomes a square image with a Flatten
     * in front, so that drawn digits reach a Keras multilayer perceptron in the order it expects.
     */
    private ImageShape inputShape(JsonNode kerasLayers) {
        JsonNode first = kerasLayers.get(0).path("config");
        JsonNode shape = first.has("batch_input_shape") ? first.path("batch_input_shape") : first.path("batch_shape");
        if (!shape.isArray()) {
            throw new EngineException(Message.of("error.keras.noInputShape", fileName));
        }
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < shape.size(); i++) {
            sizes.add(shape.get(i).isInt() && shape.get(i).asInt() > 0 ? shape.get(i).asInt() : -1);
        }
        if (sizes.contains(-1) || sizes.isEmpty() || sizes.size() > 3) {
            throw new EngineException(Message.of("error.keras.inputShape", fileName, shape.toString()));
        }
        if (sizes.size() == 3) {
            return new ImageShape(sizes.get(0), sizes.get(1), sizes.get(2));
        }
        if (sizes.size() == 2) {
            return new ImageShape(sizes.get(0), sizes.get(1), 1);
        }
        int side = (int) Math.round(Math.sqrt(sizes.get(0)));
        if (side * side != sizes.get(0)) {
            throw new EngineException(Message.of("error.keras.inputShape", fileName, shape.toString()));
        }
        layers.add(new FlattenSpec());
        flat = true;
        return new ImageShape(side, side, 1);
    }

    private void mapLayer(String className, JsonNode config) {
        String name = config.path("name").asText(className);
        switch (className) {
            case "InputLayer" -> {
                // The input shape was read already; the layer itself computes nothing.
            }
            case "Conv2D" -> conv(name, config);
            case "MaxPooling2D" -> pooling(name, config, true);
            case "AveragePooling2D" -> pooling(name, config, false);
            case "Flatten" -> {
                channelsLast(name, config);
                layers.add(new FlattenSpec());
                flat = true;
            }
            case "Dense" -> dense(name, config);
            case "Dropout" -> {
                requireFields(name, config, "rate");
                layers.add(new DropoutSpec(config.path("rate").asDouble()));
            }
            case "BatchNormalization" -> batchNorm(name, config);
            case "Activation" -> activation(name, config, "activation").map(ActivationSpec::new).ifPresent(layers::add);
            case "ReLU" -> relu(name, config);
            case "Softmax" -> layers.add(new ActivationSpec(Activation.SOFTMAX));
            default -> problems.add(Message.of("error.keras.item.layer", name, className));
        }
    }

    private void conv(String name, JsonNode config) {
        channelsLast(name, config);
        requireFields(name, config, "filters", "kernel_size");
        int kernel = square(name, config, "kernel_size");
        int stride = square(name, config, "strides");
        if (square(name, config, "dilation_rate") > 1) {
            option(name, config, "dilation_rate");
        }
        if (config.path("groups").asInt(1) != 1) {
            option(name, config, "groups");
        }
        Padding padding = padding(name, config);
        Optional<Activation> activation = activation(name, config, "activation");
        if (activation.isPresent() && padding != null) {
            weightSources.add(WeightSource.kernel(layers.size(), name, config.path("use_bias").asBoolean(true)));
            layers.add(new Conv2DSpec(config.path("filters").asInt(), kernel, stride, padding, activation.get()));
        }
    }

    private void pooling(String name, JsonNode config, boolean max) {
        channelsLast(name, config);
        requireFields(name, config, "pool_size");
        int size = square(name, config, "pool_size");
        // Keras pools with strides equal to the pool size when strides is null.
        int stride = config.path("strides").isNull() || config.path("strides").isMissingNode()
                ? size : square(name, config, "strides");
        // DeepDesk pools without padding, so only "valid" keeps the output size.
        if (!config.path("padding").asText("valid").equals("valid")) {
            option(name, config, "padding");
        }
        layers.add(max ? new MaxPool2DSpec(size, stride) : new AvgPool2DSpec(size, stride));
    }

    private void dense(String name, JsonNode config) {
        requireFields(name, config, "units");
        activation(name, config, "activation").ifPresent(activation -> {
            weightSources.add(WeightSource.kernel(layers.size(), name, config.path("use_bias").asBoolean(true)));
            layers.add(new DenseSpec(config.path("units").asInt(), activation));
        });
        flat = true;
    }

    private void batchNorm(String name, JsonNode config) {
        // DeepDesk normalizes over the last axis: channels of an image, features of a vector.
        JsonNode axisNode = config.path("axis");
        int axis = axisNode.isArray() && axisNode.size() == 1 ? axisNode.get(0).asInt() : axisNode.asInt(-1);
        int lastAxis = flat ? 1 : 3;
        if (axisNode.isArray() && axisNode.size() != 1 || axis != -1 && axis != lastAxis) {
            option(name, config, "axis");
            return;
        }
        weightSources.add(WeightSource.normalization(layers.size(), name, config.path("epsilon").asDouble(1e-3),
                config.path("center").asBoolean(true), config.path("scale").asBoolean(true)));
        layers.add(new BatchNormSpec());
    }

    private void relu(String name, JsonNode config) {
        boolean plain = config.path("max_value").isNull() || config.path("max_value").isMissingNode();
        if (!plain) {
            option(name, config, "max_value");
        } else if (config.path("negative_slope").asDouble(0) != 0) {
            option(name, config, "negative_slope");
        } else if (config.path("threshold").asDouble(0) != 0) {
            option(name, config, "threshold");
        } else {
            layers.add(new ActivationSpec(Activation.RELU));
        }
    }

    /**
     * Gives the network the softmax output layer that DeepDesk's training loss needs. A Dense
     * followed by a separate softmax becomes one Dense with softmax. A last Dense without an
     * activation, as in a model trained on logits, gets softmax, which keeps the predicted classes.
     */
    private void finishOutputLayer() {
        int last = layers.size() - 1;
        if (layers.get(last) instanceof ActivationSpec activation && activation.activation() == Activation.SOFTMAX
                && last > 0 && layers.get(last - 1) instanceof DenseSpec dense && dense.activation() == Activation.LINEAR) {
            layers.remove(last);
            layers.set(last - 1, new DenseSpec(dense.units(), Activation.SOFTMAX));
            return;
        }
        if (layers.get(last) instanceof DenseSpec dense && dense.activation() == Activation.LINEAR) {
            layers.set(last, new DenseSpec(dense.units(), Activation.SOFTMAX));
            notices.add(Message.of("notice.keras.softmaxAdded", weightSources.get(weightSources.size() - 1).kerasName()));
        }
    }

    private Optional<Activation> activation(String name, JsonNode config, String field) {
        String value = config.path(field).asText("linear");
        Optional<Activation> activation = switch (value) {
            case "relu" -> Optional.of(Activation.RELU);
            case "sigmoid" -> Optional.of(Activation.SIGMOID);
            case "tanh" -> Optional.of(Activation.TANH);
            case "softmax" -> Optional.of(Activation.SOFTMAX);
            case "linear" -> Optional.of(Activation.LINEAR);
            default -> Optional.empty();
        };
        if (activation.isEmpty()) {
            option(name, config, field);
        }
        return activation;
    }

    private Padding padding(String name, JsonNode config) {
        return switch (config.path("padding").asText("valid")) {
            case "valid" -> Padding.VALID;
            case "same" -> Padding.SAME;
            default -> {
                option(name, config, "padding");
                yield null;
            }
        };
    }

    /** Returns the size of an option that Keras writes as [height, width] or as one number; DeepDesk needs equal sizes. */
    private int square(String name, JsonNode config, String field) {
        JsonNode value = config.path(field);
        if (value.isInt()) {
            return value.asInt();
        }
        if (value.isArray() && value.size() == 2 && value.get(0).asInt() == value.get(1).asInt() && value.get(0).asInt() > 0) {
            return value.get(0).asInt();
        }
        if (!value.isMissingNode() && !value.isNull()) {
            option(name, config, field);
        }
        return 1;
    }

    /**
     * Names each field that Keras 2 always writes but this config lacks, as a Keras 1 config
     * relabelled as Keras 2 would ({@code nb_filter}, {@code output_dim}, {@code p}).
     */
    private void requireFields(String name, JsonNode config, String... fields) {
        for (String field : fields) {
            if (config.path(field).isMissingNode() || config.path(field).isNull()) {
                problems.add(Message.of("error.keras.item.missing", name, field));
            }
        }
    }

    private void channelsLast(String name, JsonNode config) {
        if (!config.path("data_format").asText("channels_last").equals("channels_last")) {
            option(name, config, "data_format");
        }
    }

    private void option(String name, JsonNode config, String field) {
        problems.add(Message.of("error.keras.item.option", name, field, config.path(field).toString()));
    }

    /** Joins messages into one with the bundle's list separator, so the list reads right in every language. */
    private static Message join(List<Message> items) {
        Message joined = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            joined = Message.of("error.keras.list", joined, items.get(i));
        }
        return joined;
    }
}
