package org.deepdesk.engine.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.spec.DenseSpec;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.Backend;
import org.deepdesk.engine.train.LayerWeights;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a Keras 2 Sequential model saved as HDF5 ({@code model.save("model.h5")}) with its
 * weights, as a DeepDesk network that predicts what the Keras model predicts and can be trained
 * further.
 *
 * <p>Supported layers: InputLayer, Conv2D, MaxPooling2D, AveragePooling2D, Flatten, Dense,
 * Dropout, BatchNormalization, Activation, ReLU and Softmax, channels last, with the options
 * that DeepDesk's layers have. Everything else is named in one message.
 */
public final class KerasImport {

    private static final Logger LOG = LoggerFactory.getLogger(KerasImport.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KerasImport() {
    }

    /** The file name endings of Keras models; {@code .keras} files are Keras 3 zips, which the import explains. */
    public static final List<String> EXTENSIONS = List.of(".h5", ".hdf5", ".keras");

    /** Returns whether a file name ends like a Keras model file, in any letter case. */
    public static boolean isKerasFile(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** Imports on the backend that {@link Backend#selected()} names. */
    public static ImportedModel importModel(Path file) {
        return importModel(file, Backend.selected());
    }

    /**
     * Imports the model in {@code file} onto the given backend.
     *
     * @throws EngineException with a message that names the file, and the layers when they are
     *     the reason, when the file cannot be read or the model cannot be reproduced
     */
    public static ImportedModel importModel(Path file, Backend backend) {
        String fileName = file.getFileName().toString();
        try (KerasArchive archive = KerasArchive.open(file)) {
            String modelConfig = archive.modelConfig()
                    .orElseThrow(() -> new EngineException(Message.of("error.keras.noModel", fileName)));
            String version = archive.kerasVersion()
                    .orElseThrow(() -> new EngineException(Message.of("error.keras.noKerasVersion", fileName)));
            if (!version.startsWith("2.")) {
                throw new EngineException(Message.of("error.keras.kerasVersion", fileName, version));
            }

            KerasStack stack = KerasConfigMapper.map(parse(modelConfig, "model_config", fileName), fileName);
            List<Message> notices = new ArrayList<>(stack.notices());
            TrainingSettings settings = trainingSettings(archive, fileName, notices);
            NetworkSpec spec = new NetworkSpec(stack.name(), stack.input(), stack.layers());
            int classCount = outputUnits(spec);
            if (classCount == 1) {
                // A softmax over one class always outputs 1. Keras binary classifiers end in Dense(1, sigmoid).
                throw new EngineException(Message.of("error.keras.oneClass", fileName));
            }
            NetworkSummary summary = ShapeInference.summarize(spec, classCount);
            if (!summary.isValid()) {
                throw new EngineException(Message.of("error.keras.invalidNetwork", fileName, summary.firstProblem().orElseThrow()));
            }

            List<LayerWeights> weights = KerasWeights.read(archive, stack, summary, fileName);
            TrainableNetwork network = TrainableNetwork.withWeights(spec, settings, classCount, weights, backend);
            LOG.info("Imported Keras {} model {} from {}: {} layers, {} parameters",
                    version, spec.name(), file.toAbsolutePath(), spec.layers().size(), summary.totalParameters());
            return new ImportedModel(network, version, notices);
        }
    }

    /**
     * Reads the optimizer the model was compiled with. The model predicts the same without it, so
     * an unreadable training configuration only costs the settings, and a notice informs the user.
     */
    private static TrainingSettings trainingSettings(KerasArchive archive, String fileName, List<Message> notices) {
        try {
            return archive.trainingConfig()
                    .map(json -> KerasTrainingConfig.settings(parse(json, "training_config", fileName)))
                    .orElse(TrainingSettings.defaults());
        } catch (EngineException unreadable) {
            LOG.warn("Ignoring the training configuration of {}: {}", fileName, unreadable.userMessage().english());
            notices.add(Message.of("notice.keras.trainingConfigIgnored"));
            return TrainingSettings.defaults();
        }
    }

    private static JsonNode parse(String json, String attribute, String fileName) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException invalid) {
            throw new EngineException(Message.of("error.keras.invalidJson", fileName, attribute), invalid);
        }
    }

    /** Returns the units of the last layer, which the mapper made a softmax Dense where it could, as the class count. */
    private static int outputUnits(NetworkSpec spec) {
        if (spec.layers().get(spec.layers().size() - 1) instanceof DenseSpec dense) {
            return dense.units();
        }
        return 0;
    }
}
