package org.deepdesk.engine.interop.keras;

import com.fasterxml.jackson.databind.JsonNode;
import org.deepdesk.engine.spec.Optimizer;
import org.deepdesk.engine.spec.TrainingSettings;

/**
 * Takes the optimizer of a compiled Keras model ({@code training_config}) into DeepDesk's
 * training settings, so fine-tuning continues with the rule and rate the model was trained with.
 * Anything DeepDesk has no equivalent for, such as a learning-rate schedule object, keeps the default.
 */
final class KerasTrainingConfig {

    private KerasTrainingConfig() {
    }

    static TrainingSettings settings(JsonNode trainingConfig) {
        TrainingSettings settings = TrainingSettings.defaults();
        JsonNode optimizer = trainingConfig.path("optimizer_config");
        JsonNode config = optimizer.path("config");
        Optimizer rule = switch (optimizer.path("class_name").asText("")) {
            case "Adam" -> Optimizer.ADAM;
            case "SGD" -> Optimizer.SGD;
            case "RMSprop" -> Optimizer.RMSPROP;
            default -> null;
        };
        if (rule == null) {
            return settings;
        }
        settings = settings.withOptimizer(rule);

        // Keras 2.0 to 2.2 named the rate "lr"; a schedule object is not a number and is skipped.
        JsonNode rate = config.has("learning_rate") ? config.path("learning_rate") : config.path("lr");
        if (rate.isNumber() && rate.asDouble() > 0) {
            settings = settings.withLearningRate(rate.asDouble());
        }
        if (rule == Optimizer.SGD) {
            double momentum = config.path("momentum").asDouble(0);
            settings = settings.withMomentum(momentum >= 0 && momentum < 1 ? momentum : 0)
                    .withNesterov(config.path("nesterov").asBoolean(false));
        }
        return settings;
    }
}
