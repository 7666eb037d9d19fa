package org.deepdesk.engine.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.ShapeInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads the generated PyTorch modules back and follows an NCHW sample through them with
 * PyTorch's rules, checking every {@code in_channels} and {@code in_features} against the shape
 * that actually arrives, and the parameter total against {@link ShapeInference}.
 */
class PyTorchScriptTest {

    private static final int CLASSES = 10;

    static List<String> presets() {
        return Presets.IDS;
    }

    @ParameterizedTest
    @MethodSource("presets")
    void presetModulesChainShapes(String id) {
        NetworkDocument document = Presets.load(id);
        String code = PyTorchScript.generate(document.network(), document.training(), CLASSES, "model.py");
        ImageShape input = document.network().input();

        // channels, height, width while the sample is an image; then features, 0, 0
        long[] shape = {input.channels(), input.height(), input.width()};
        boolean flat = false;
        long parameters = 0;
        for (KerasLayerLine module : KerasLayerLine.parseAll(code)) {
            switch (module.name()) {
                case "ZeroPad2d": {
                    String[] pads = module.positional().get(0).replaceAll("[() ]", "").split(",");
                    shape[2] += Integer.parseInt(pads[0]) + Integer.parseInt(pads[1]);
                    shape[1] += Integer.parseInt(pads[2]) + Integer.parseInt(pads[3]);
                    break;
                }
                case "Conv2d": {
                    assertEquals(shape[0], module.integer("in_channels"), "in_channels of " + module);
                    long kernel = module.integer("kernel_size");
                    long stride = module.integer("stride");
                    long padding = module.integer("padding");
                    long filters = module.integer("out_channels");
                    parameters += kernel * kernel * shape[0] * filters + filters;
                    shape[1] = (shape[1] + 2 * padding - kernel) / stride + 1;
                    shape[2] = (shape[2] + 2 * padding - kernel) / stride + 1;
                    shape[0] = filters;
                    break;
                }
                case "MaxPool2d":
                case "AvgPool2d": {
                    long kernel = module.integer("kernel_size");
                    long stride = module.integer("stride");
                    shape[1] = (shape[1] - kernel) / stride + 1;
                    shape[2] = (shape[2] - kernel) / stride + 1;
                    break;
                }
                case "BatchNorm2d":
                case "BatchNorm1d":
                    assertEquals(shape[0], module.integer("num_features"), "num_features of " + module);
                    // weight and bias are parameters; running mean and variance are buffers
                    parameters += 4L * shape[0];
                    break;
                case "Flatten":
                    shape = new long[] {shape[0] * shape[1] * shape[2], 0, 0};
                    flat = true;
                    break;
                case "Linear":
                    assertEquals(true, flat, "Linear after Flatten: " + module);
                    assertEquals(shape[0], module.integer("in_features"), "in_features of " + module);
                    parameters += shape[0] * module.integer("out_features") + module.integer("out_features");
                    shape[0] = module.integer("out_features");
                    break;
                default:
                    break;
            }
        }

        NetworkSummary summary = ShapeInference.summarize(document.network(), CLASSES);
        assertArrayEquals(new long[] {CLASSES, 0, 0}, shape, "output shape");
        assertEquals(summary.totalParameters(), parameters, "parameter total");
    }

    @Test
    void samePaddingOddPixelBottomRight() {
        int[] pads = PyTorchScript.samePadding(new ImageShape(28, 28, 1), 4, 2);

        assertArrayEquals(new int[] {1, 1, 1, 1}, pads);
    }

    @Test
    void samePaddingEvenKernelStrideOne() {
        int[] pads = PyTorchScript.samePadding(new ImageShape(28, 28, 1), 4, 1);

        assertArrayEquals(new int[] {1, 2, 1, 2}, pads);
    }

    @Test
    void softmaxOutputLeftToLoss() {
        NetworkDocument document = Presets.load("mlp");
        String code = PyTorchScript.generate(document.network(), document.training(), CLASSES, "model.py");

        List<KerasLayerLine> modules = KerasLayerLine.parseAll(code);

        assertEquals("Linear", modules.get(modules.size() - 1).name());
    }
}
