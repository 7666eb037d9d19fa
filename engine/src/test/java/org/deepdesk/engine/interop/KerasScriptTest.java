package org.deepdesk.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.spec.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads the generated Keras script back and recomputes each layer's output shape and parameter
 * count with Keras' own rules, written here independently of {@link ShapeInference}.
 */
class KerasScriptTest {

    private static final int CLASSES = 10;

    static List<String> presets() {
        return Presets.IDS;
    }

    @ParameterizedTest
    @MethodSource("presets")
    void presetLayersMatchEngine(String id) {
        NetworkDocument document = Presets.load(id);
        String script = KerasScript.generate(document.network(), document.training(), CLASSES, "model.py");

        List<KerasLayerLine> layers = KerasLayerLine.parseAll(script);
        NetworkSummary summary = ShapeInference.summarize(document.network(), CLASSES);
        assertEquals(summary.layers().size(), layers.size(), "layer count");

        int[] shape = inputShape(script);
        for (int i = 0; i < layers.size(); i++) {
            KerasLayerLine layer = layers.get(i);
            LayerSummary expected = summary.layers().get(i);
            assertEquals(kerasName(expected.layer().typeName()), layer.name(), "type of layer " + (i + 1));

            long parameters = KerasRules.parameters(layer, shape);
            shape = KerasRules.output(layer, shape);
            assertEquals(expected.output().orElseThrow().toString(), KerasRules.describe(shape),
                    "shape after layer " + (i + 1));
            assertEquals(expected.parameters(), parameters, "parameters of layer " + (i + 1));
        }
    }

    @ParameterizedTest
    @MethodSource("presets")
    void presetSettingsCarried(String id) {
        NetworkDocument document = Presets.load(id);
        TrainingSettings settings = document.training();
        String script = KerasScript.generate(document.network(), settings, CLASSES, "model.py");

        assertTrue(script.contains("EPOCHS = " + settings.epochs() + "\n"), "epochs");
        assertTrue(script.contains("BATCH_SIZE = " + settings.batchSize() + "\n"), "batch size");
        assertTrue(script.contains("LEARNING_RATE = " + PythonText.number(settings.learningRate()) + "\n"), "rate");
        assertTrue(script.contains("SEED = " + settings.seed() + "\n"), "seed");
        assertTrue(script.contains("loss=\"sparse_categorical_crossentropy\""), "loss");
        assertTrue(script.contains("model.summary()"), "summary");
    }

    @Test
    void sgdUsesMomentumAndNesterov() {
        NetworkDocument document = Presets.load("mlp");
        TrainingSettings settings = document.training()
                .withOptimizer(org.deepdesk.engine.spec.Optimizer.SGD).withMomentum(0.8).withNesterov(true);

        String script = KerasScript.generate(document.network(), settings, CLASSES, "model.py");

        assertTrue(script.contains("keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=0.8, nesterov=True)"));
    }

    @Test
    void weightDecayAddsRegularizer() {
        NetworkDocument document = Presets.load("mlp");
        TrainingSettings settings = document.training().withWeightDecay(1e-4);

        String script = KerasScript.generate(document.network(), settings, CLASSES, "model.py");

        assertTrue(script.contains("WEIGHT_DECAY = 1.0e-4"), "constant");
        assertTrue(script.contains("kernel_regularizer=regularizers.l2(WEIGHT_DECAY / 2)"), "regularizer");
    }

    @Test
    void invalidStackRejected() {
        NetworkSpec spec = Presets.load("mlp").network();
        NetworkSpec broken = spec.withLayers(spec.layers().subList(0, spec.layers().size() - 1));

        EngineException failure = assertThrows(EngineException.class,
                () -> KerasScript.generate(broken, TrainingSettings.defaults(), CLASSES, "model.py"));

        assertEquals("error.export.invalidNetwork", failure.userMessage().key());
    }

    @Test
    void modelNameKeepsSafeCharacters() {
        assertEquals("LeNet-5_small_", KerasScript.modelName("LeNet-5 (small)"));
    }

    private static int[] inputShape(String script) {
        Matcher matcher = Pattern.compile("INPUT_SHAPE = \\((\\d+), (\\d+), (\\d+)\\)").matcher(script);
        assertTrue(matcher.find(), "INPUT_SHAPE line");
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
            Integer.parseInt(matcher.group(3))};
    }

    private static String kerasName(String engineType) {
        return switch (engineType) {
            case "MaxPool2D" -> "MaxPooling2D";
            case "AvgPool2D" -> "AveragePooling2D";
            case "BatchNorm" -> "BatchNormalization";
            default -> engineType;
        };
    }

    /** Keras' shape and parameter rules for the layers the export writes; shapes are H, W, C or one length. */
    static final class KerasRules {

        static int[] output(KerasLayerLine layer, int[] shape) {
            switch (layer.name()) {
                case "Conv2D": {
                    int kernel = layer.integer("kernel_size");
                    int stride = layer.integer("strides");
                    boolean same = layer.text("padding").equals("same");
                    return new int[] {size(shape[0], kernel, stride, same), size(shape[1], kernel, stride, same),
                        layer.firstInteger()};
                }
                case "MaxPooling2D":
                case "AveragePooling2D": {
                    int pool = layer.integer("pool_size");
                    int stride = layer.integer("strides");
                    return new int[] {size(shape[0], pool, stride, false), size(shape[1], pool, stride, false), shape[2]};
                }
                case "Flatten":
                    return new int[] {shape[0] * shape[1] * shape[2]};
                case "Dense":
                    return new int[] {layer.firstInteger()};
                default:
                    return shape;
            }
        }

        static long parameters(KerasLayerLine layer, int[] shape) {
            switch (layer.name()) {
                case "Conv2D": {
                    long kernel = layer.integer("kernel_size");
                    long filters = layer.firstInteger();
                    return kernel * kernel * shape[2] * filters + filters;
                }
                case "Dense":
                    return (long) shape[0] * layer.firstInteger() + layer.firstInteger();
                case "BatchNormalization":
                    // gamma, beta, moving mean and moving variance, per channel (the last axis)
                    return 4L * shape[shape.length - 1];
                default:
                    return 0;
            }
        }

        static String describe(int[] shape) {
            List<String> parts = new ArrayList<>();
            for (int value : shape) {
                parts.add(Integer.toString(value));
            }
            return String.join("x", parts);
        }

        private static int size(int input, int window, int stride, boolean same) {
            return same ? (int) Math.ceil(input / (double) stride) : (input - window) / stride + 1;
        }
    }
}
