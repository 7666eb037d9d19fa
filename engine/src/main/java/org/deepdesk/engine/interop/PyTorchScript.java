package org.deepdesk.engine.interop;

import java.util.ArrayList;
import java.util.List;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.ActivationSpec;
import org.deepdesk.engine.spec.AvgPool2DSpec;
import org.deepdesk.engine.spec.BatchNormSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.LayerSummary;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.Padding;
import org.deepdesk.engine.spec.Shape;
import org.deepdesk.engine.spec.TrainingSettings;

/**
 * Writes a network and its training settings as runnable PyTorch code: an {@code nn.Module}
 * holding an {@code nn.Sequential} of the same layers in NCHW layout, and a training loop with
 * the same optimizer settings, schedule, epochs, batch size, validation split and seed.
 *
 * <p>Each module is one line of the form {@code nn.Name(arguments),} inside the
 * {@code nn.Sequential(...)} call. The softmax of the output layer is left to
 * {@code nn.CrossEntropyLoss}, which expects raw scores.
 */
public final class PyTorchScript {

    private PyTorchScript() {
    }

    /**
     * Generates the code.
     *
     * @param fileName the script's file name, shown in its usage text
     * @throws org.deepdesk.engine.EngineException when the stack does not pass shape inference
     */
    public static String generate(NetworkSpec spec, TrainingSettings settings, int classCount, String fileName) {
        NetworkSummary summary = ExportCheck.requireValid(spec, classCount);
        return PythonText.header(spec, "PyTorch", fileName)
                + "import argparse\n"
                + "import gzip\n"
                + "import math\n"
                + "import os\n"
                + "import struct\n"
                + "\n"
                + "import numpy as np\n"
                + "import torch\n"
                + "from torch import nn\n"
                + "\n"
                + PythonText.settings(spec, settings, classCount)
                + "\n\n"
                + PythonText.idxReader()
                + "\n\n"
                + PythonText.scheduleFunction(settings.schedule())
                + "\n\n"
                + module(spec, summary)
                + "\n\n"
                + PyTorchTraining.functions(settings)
                + "\n\n"
                + "if __name__ == \"__main__\":\n"
                + "    main()\n";
    }

    private static String module(NetworkSpec spec, NetworkSummary summary) {
        StringBuilder text = new StringBuilder()
                .append("class Net(nn.Module):\n")
                .append("    \"\"\"The network ").append(PythonText.docstringName(spec))
                .append(" in NCHW layout: input batches are (N, channels, height, width).\"\"\"\n")
                .append("\n")
                .append("    def __init__(self):\n")
                .append("        super().__init__()\n")
                .append("        self.layers = nn.Sequential(\n");
        Shape input = spec.input();
        for (LayerSummary layer : summary.layers()) {
            boolean last = layer.index() == summary.layers().size() - 1;
            for (String module : modules(layer.layer(), input, last)) {
                text.append("            ").append(module).append(",\n");
            }
            input = layer.output().orElseThrow();
        }
        return text.append("        )\n")
                .append("        for module in self.modules():\n")
                .append("            # Glorot (Xavier) uniform weights and zero biases, as DeepDesk initializes them.\n")
                .append("            if isinstance(module, (nn.Conv2d, nn.Linear)):\n")
                .append("                nn.init.xavier_uniform_(module.weight)\n")
                .append("                nn.init.zeros_(module.bias)\n")
                .append("\n")
                .append("    def forward(self, x):\n")
                .append("        return self.layers(x)\n")
                .toString();
    }

    /** Returns the PyTorch modules for one spec, given the shape that enters it. */
    static List<String> modules(LayerSpec layer, Shape input, boolean last) {
        List<String> modules = new ArrayList<>();
        if (layer instanceof Conv2DSpec conv) {
            ImageShape image = (ImageShape) input;
            String padding = "0";
            if (conv.padding() == Padding.SAME) {
                int[] pads = samePadding(image, conv.kernel(), conv.stride());
                if (pads[0] == pads[1] && pads[2] == pads[3] && pads[0] == pads[2]) {
                    padding = Integer.toString(pads[0]);
                } else {
                    // Keras pads the extra row and column at the bottom and right; so does this.
                    modules.add("nn.ZeroPad2d((" + pads[0] + ", " + pads[1] + ", " + pads[2] + ", " + pads[3] + "))");
                }
            }
            modules.add("nn.Conv2d(in_channels=" + image.channels() + ", out_channels=" + conv.filters()
                    + ", kernel_size=" + conv.kernel() + ", stride=" + conv.stride() + ", padding=" + padding + ")");
            addActivation(modules, conv.activation());
        } else if (layer instanceof MaxPool2DSpec pool) {
            modules.add("nn.MaxPool2d(kernel_size=" + pool.size() + ", stride=" + pool.stride() + ")");
        } else if (layer instanceof AvgPool2DSpec pool) {
            modules.add("nn.AvgPool2d(kernel_size=" + pool.size() + ", stride=" + pool.stride() + ")");
        } else if (layer instanceof DenseSpec dense) {
            modules.add("nn.Linear(in_features=" + input.size() + ", out_features=" + dense.units() + ")");
            if (!(last && dense.activation() == Activation.SOFTMAX)) {
                addActivation(modules, dense.activation());
            }
        } else if (layer instanceof DropoutSpec dropout) {
            modules.add("nn.Dropout(p=" + PythonText.number(dropout.rate()) + ")");
        } else if (layer instanceof BatchNormSpec) {
            // PyTorch's momentum is the weight of the new batch: 0.1 matches a decay of 0.9.
            modules.add(input instanceof ImageShape image
                    ? "nn.BatchNorm2d(num_features=" + image.channels() + ", eps=1e-5, momentum=0.1)"
                    : "nn.BatchNorm1d(num_features=" + input.size() + ", eps=1e-5, momentum=0.1)");
        } else if (layer instanceof ActivationSpec activation) {
            addActivation(modules, activation.activation());
        } else {
            // Flattening NCHW gives channel, row, column order, the order DeepDesk uses.
            modules.add("nn.Flatten()");
        }
        return modules;
    }

    private static void addActivation(List<String> modules, Activation activation) {
        switch (activation) {
            case RELU -> modules.add("nn.ReLU()");
            case SIGMOID -> modules.add("nn.Sigmoid()");
            case TANH -> modules.add("nn.Tanh()");
            case SOFTMAX -> modules.add("nn.Softmax(dim=1)");
            case LINEAR -> {
                // The identity needs no module.
            }
        }
    }

    /**
     * Returns the left, right, top and bottom zero padding of a "same" convolution as TensorFlow
     * computes it: the total makes the output {@code ceil(input / stride)}, and the odd pixel goes
     * to the right and bottom.
     */
    static int[] samePadding(ImageShape input, int kernel, int stride) {
        int vertical = Math.max((ceilDiv(input.height(), stride) - 1) * stride + kernel - input.height(), 0);
        int horizontal = Math.max((ceilDiv(input.width(), stride) - 1) * stride + kernel - input.width(), 0);
        return new int[] {horizontal / 2, horizontal - horizontal / 2, vertical / 2, vertical - vertical / 2};
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
