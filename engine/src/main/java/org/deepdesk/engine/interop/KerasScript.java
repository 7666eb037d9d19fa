package org.deepdesk.engine.interop;

import java.util.List;
import org.deepdesk.engine.spec.ActivationSpec;
import org.deepdesk.engine.spec.AvgPool2DSpec;
import org.deepdesk.engine.spec.BatchNormSpec;
import org.deepdesk.engine.spec.Conv2DSpec;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.DropoutSpec;
import org.deepdesk.engine.spec.LayerSpec;
import org.deepdesk.engine.spec.MaxPool2DSpec;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.Padding;
import org.deepdesk.engine.spec.TrainingSettings;

/**
 * Writes a network and its training settings as a runnable Python script for TensorFlow Keras
 * ({@code tf.keras}): a Sequential model with the same layers, compiled with the same optimizer
 * and loss, trained on MNIST with the same epochs, batch size, validation split and seed.
 *
 * <p>Each layer is one line of the form {@code layers.Name(arguments),} inside the
 * {@code keras.Sequential([...])} list, so tools and tests can read the stack back.
 */
public final class KerasScript {

    private KerasScript() {
    }

    /**
     * Generates the script.
     *
     * @param fileName the script's file name, shown in its usage text
     * @throws org.deepdesk.engine.EngineException when the stack does not pass shape inference
     */
    public static String generate(NetworkSpec spec, TrainingSettings settings, int classCount, String fileName) {
        ExportCheck.requireValid(spec, classCount);
        return PythonText.header(spec, "TensorFlow Keras", fileName)
                + "import argparse\n"
                + "import gzip\n"
                + "import math\n"
                + "import os\n"
                + "import struct\n"
                + "\n"
                + "import numpy as np\n"
                + "from tensorflow import keras\n"
                + "from tensorflow.keras import layers, regularizers\n"
                + "\n"
                + PythonText.settings(spec, settings, classCount)
                + "\n\n"
                + PythonText.idxReader()
                + "\n\n"
                + PythonText.scheduleFunction(settings.schedule())
                + "\n\n"
                + model(spec, settings)
                + "\n\n"
                + main(settings)
                + "\n\n"
                + "if __name__ == \"__main__\":\n"
                + "    main()\n";
    }

    private static String model(NetworkSpec spec, TrainingSettings settings) {
        StringBuilder text = new StringBuilder()
                .append("def build_model():\n")
                .append("    \"\"\"Build the network. Keras initializes weights with Glorot uniform, as DeepDesk does.\"\"\"\n")
                .append("    return keras.Sequential([\n")
                .append("        keras.Input(shape=INPUT_SHAPE),\n");
        boolean decay = settings.weightDecay() > 0;
        for (LayerSpec layer : spec.layers()) {
            text.append("        ").append(layerCall(layer, decay)).append(",\n");
        }
        return text.append("    ], name=").append(PythonText.string(modelName(spec.name()))).append(")\n").toString();
    }

    /** Returns the Keras layer constructor call for one spec. */
    static String layerCall(LayerSpec layer, boolean weightDecay) {
        // DeepDesk's L2 term is 0.5 * coefficient * sum(w^2), and Keras' l2(x) is x * sum(w^2).
        String regularizer = weightDecay ? ", kernel_regularizer=regularizers.l2(WEIGHT_DECAY / 2)" : "";
        if (layer instanceof Conv2DSpec conv) {
            return "layers.Conv2D(" + conv.filters() + ", kernel_size=" + conv.kernel() + ", strides=" + conv.stride()
                    + ", padding=" + (conv.padding() == Padding.SAME ? "\"same\"" : "\"valid\"")
                    + ", activation=\"" + PythonText.kerasActivation(conv.activation()) + "\"" + regularizer + ")";
        }
        if (layer instanceof MaxPool2DSpec pool) {
            return "layers.MaxPooling2D(pool_size=" + pool.size() + ", strides=" + pool.stride() + ")";
        }
        if (layer instanceof AvgPool2DSpec pool) {
            return "layers.AveragePooling2D(pool_size=" + pool.size() + ", strides=" + pool.stride() + ")";
        }
        if (layer instanceof DenseSpec dense) {
            return "layers.Dense(" + dense.units() + ", activation=\""
                    + PythonText.kerasActivation(dense.activation()) + "\"" + regularizer + ")";
        }
        if (layer instanceof DropoutSpec dropout) {
            return "layers.Dropout(" + PythonText.number(dropout.rate()) + ")";
        }
        if (layer instanceof BatchNormSpec) {
            // Deeplearning4j's defaults: running averages decay by 0.9 per batch, epsilon 1e-5.
            return "layers.BatchNormalization(momentum=0.9, epsilon=1e-5)";
        }
        if (layer instanceof ActivationSpec activation) {
            return "layers.Activation(\"" + PythonText.kerasActivation(activation.activation()) + "\")";
        }
        return "layers.Flatten()";
    }

    private static String optimizer(TrainingSettings settings) {
        return switch (settings.optimizer()) {
            case ADAM -> "keras.optimizers.Adam(learning_rate=LEARNING_RATE, beta_1=0.9, beta_2=0.999, epsilon=1e-8)";
            case RMSPROP -> "keras.optimizers.RMSprop(learning_rate=LEARNING_RATE, rho=0.9, epsilon=1e-7)";
            case SGD -> "keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum="
                    + PythonText.number(settings.momentum())
                    + ", nesterov=" + (settings.nesterov() && settings.momentum() > 0 ? "True" : "False") + ")";
        };
    }

    private static String main(TrainingSettings settings) {
        List<String> lines = List.of(
                "def main():",
                "    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])",
                "    parser.add_argument(\"--data\", help=\"folder with the MNIST IDX files; without it, Keras downloads MNIST\")",
                "    arguments = parser.parse_args()",
                "    keras.utils.set_random_seed(SEED)",
                "",
                "    if arguments.data:",
                "        (x_train, y_train), (x_test, y_test) = load_local_mnist(arguments.data)",
                "    else:",
                "        (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()",
                "    x_train, x_test = to_float_images(x_train), to_float_images(x_test)",
                "    (x_fit, y_fit), (x_validation, y_validation) = split_validation(x_train, y_train)",
                "",
                "    model = build_model()",
                "    model.summary()",
                "    # Integer labels with sparse categorical cross-entropy: the same loss as one-hot labels.",
                "    model.compile(",
                "        optimizer=" + optimizer(settings) + ",",
                "        loss=\"sparse_categorical_crossentropy\",",
                "        metrics=[\"accuracy\"],",
                "    )",
                "",
                "    callbacks = [keras.callbacks.LearningRateScheduler(lambda epoch, rate: scheduled_rate(epoch))]",
                "    validation = (x_validation, y_validation) if len(x_validation) > 0 else None",
                "    if validation is not None and EARLY_STOPPING_PATIENCE > 0:",
                "        callbacks.append(keras.callbacks.EarlyStopping(monitor=\"val_loss\", patience=EARLY_STOPPING_PATIENCE))",
                "    model.fit(x_fit, y_fit, epochs=EPOCHS, batch_size=BATCH_SIZE, validation_data=validation,",
                "              shuffle=True, callbacks=callbacks)",
                "",
                "    loss, accuracy = model.evaluate(x_test, y_test, batch_size=BATCH_SIZE, verbose=0)",
                "    print(f\"Test accuracy: {accuracy:.4f} (loss {loss:.4f})\")");
        return String.join("\n", lines) + "\n";
    }

    /** Keeps letters, digits, '_' and '-', because Keras rejects some characters, such as '/', in model names. */
    static String modelName(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_-]+", "_");
        return cleaned.isEmpty() ? "deepdesk_model" : cleaned;
    }
}
