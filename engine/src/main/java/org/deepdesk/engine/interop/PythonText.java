package org.deepdesk.engine.interop;

import java.util.Locale;
import org.deepdesk.engine.spec.Activation;
import org.deepdesk.engine.spec.LearningRateSchedule;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;

/** Python literals and the code that the Keras and PyTorch exports share. */
final class PythonText {

    private PythonText() {
    }

    /** Formats a number as a Python float literal, such as {@code 0.001} or {@code 1.0e-05}. */
    static String number(double value) {
        return Double.toString(value).replace('E', 'e');
    }

    /** Formats a string as a double-quoted Python literal. */
    static String string(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** Returns the Keras name of an activation, which is also the PyTorch module's lower-case stem. */
    static String kerasActivation(Activation activation) {
        return activation.name().toLowerCase(Locale.ROOT);
    }

    /** Returns the module docstring's first lines, the imports excluded. */
    static String header(NetworkSpec spec, String framework, String fileName) {
        return "\"\"\"Train the DeepDesk network " + docstringName(spec) + " on MNIST with "
                + framework + ".\n"
                + "\n"
                + "Exported from DeepDesk: the layers, optimizer and training settings match the project.\n"
                + "\n"
                + "Usage:\n"
                + "    python3 " + fileName + " --data DIR   # reads the MNIST IDX files (gzip or raw) in DIR\n"
                + "    python3 " + fileName + "              # downloads MNIST first\n"
                + "\"\"\"\n";
    }

    /** Returns the network's name quoted for a docstring, without characters that could end or escape it. */
    static String docstringName(NetworkSpec spec) {
        return "'" + spec.name().replaceAll("[\"'\\\\\\p{Cntrl}]", "") + "'";
    }

    /** Returns the constants both scripts read their settings from. */
    static String settings(NetworkSpec spec, TrainingSettings settings, int classCount) {
        return "INPUT_SHAPE = (" + spec.input().height() + ", " + spec.input().width() + ", "
                + spec.input().channels() + ")  # height, width, channels\n"
                + "CLASS_COUNT = " + classCount + "\n"
                + "EPOCHS = " + settings.epochs() + "\n"
                + "BATCH_SIZE = " + settings.batchSize() + "\n"
                + "LEARNING_RATE = " + number(settings.learningRate()) + "\n"
                + "VALIDATION_SPLIT = " + number(settings.validationSplit()) + "\n"
                + "TRAINING_LIMIT = " + settings.trainingLimit() + "  # 0 trains on all images\n"
                + "WEIGHT_DECAY = " + number(settings.weightDecay()) + "  # L2 coefficient on weights, not biases\n"
                + "EARLY_STOPPING_PATIENCE = " + settings.earlyStoppingPatience() + "  # 0 never stops early\n"
                + "SEED = " + settings.seed() + "\n";
    }

    /** Returns a Python function {@code scheduled_rate(epoch)} that follows the learning-rate schedule. */
    static String scheduleFunction(LearningRateSchedule schedule) {
        String body = switch (schedule.kind()) {
            case CONSTANT -> "    return LEARNING_RATE\n";
            case STEP -> "    # Multiplied by " + number(schedule.decay()) + " every " + schedule.stepEpochs() + " epochs.\n"
                    + "    return LEARNING_RATE * " + number(schedule.decay()) + " ** (epoch // "
                    + Math.max(1, schedule.stepEpochs()) + ")\n";
            case EXPONENTIAL -> "    return LEARNING_RATE * " + number(schedule.decay()) + " ** epoch\n";
            case COSINE -> "    # Half a cosine wave from LEARNING_RATE towards 0 over the run.\n"
                    + "    return LEARNING_RATE * 0.5 * (1 + math.cos(math.pi * epoch / EPOCHS))\n";
        };
        return "def scheduled_rate(epoch):\n"
                + "    \"\"\"Return the learning rate of an epoch, counted from 0.\"\"\"\n"
                + body;
    }

    /**
     * Returns Python functions that read MNIST from local IDX files as uint8 arrays of shape
     * (N, H, W) and (N,), checking the magic number so a wrong file fails with a clear message.
     */
    static String idxReader() {
        return """
                def read_idx(path):
                    \"\"\"Read an IDX file of unsigned bytes, gzipped or raw, as a numpy array.\"\"\"
                    opener = gzip.open if path.endswith(".gz") else open
                    with opener(path, "rb") as file:
                        data = file.read()
                    if data[0] != 0 or data[1] != 0 or data[2] != 0x08:
                        raise SystemExit(f"{path} is not an IDX file of unsigned bytes")
                    dimensions = data[3]
                    shape = struct.unpack(">" + "I" * dimensions, data[4:4 + 4 * dimensions])
                    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dimensions).reshape(shape)


                def find_idx(folder, base_name):
                    \"\"\"Return the path of base_name or base_name.gz in folder.\"\"\"
                    for name in (base_name, base_name + ".gz"):
                        path = os.path.join(folder, name)
                        if os.path.isfile(path):
                            return path
                    raise SystemExit(f"{base_name}(.gz) not found in {folder}")


                def load_local_mnist(folder):
                    \"\"\"Read the four MNIST IDX files in folder.\"\"\"
                    return (
                        (read_idx(find_idx(folder, "train-images-idx3-ubyte")),
                         read_idx(find_idx(folder, "train-labels-idx1-ubyte"))),
                        (read_idx(find_idx(folder, "t10k-images-idx3-ubyte")),
                         read_idx(find_idx(folder, "t10k-labels-idx1-ubyte"))),
                    )


                def to_float_images(images):
                    \"\"\"Scale uint8 images to [0, 1] floats of shape (N, H, W, C).\"\"\"
                    if images.ndim == 3:
                        images = images[..., np.newaxis]
                    if images.shape[1:] != INPUT_SHAPE:
                        raise SystemExit(f"The images are {images.shape[1:]}, but the network expects {INPUT_SHAPE}")
                    return images.astype("float32") / 255.0


                def split_validation(images, labels):
                    \"\"\"Hold out VALIDATION_SPLIT of the images, picked by a seeded permutation.\"\"\"
                    if TRAINING_LIMIT > 0:
                        images, labels = images[:TRAINING_LIMIT], labels[:TRAINING_LIMIT]
                    order = np.random.default_rng(SEED).permutation(len(images))
                    validation_count = int(len(images) * VALIDATION_SPLIT)
                    training, validation = order[validation_count:], order[:validation_count]
                    return (images[training], labels[training]), (images[validation], labels[validation])
                """;
    }
}
