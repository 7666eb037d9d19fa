package org.deepdesk.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deepdesk.engine.EngineException;
import org.deepdesk.i18n.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpecJsonTest {

    private static final String SOURCE = "test.json";

    /** The content of {@code fixtures/network-v1.json}, which version 1 of the format wrote. */
    private static final NetworkDocument FIXTURE = new NetworkDocument(
            new NetworkSpec("Every layer type", ImageShape.MNIST, List.of(
                    new Conv2DSpec(16, 5, 1, Padding.SAME, Activation.RELU),
                    new BatchNormSpec(),
                    new MaxPool2DSpec(2, 2),
                    new Conv2DSpec(32, 3, 2, Padding.VALID, Activation.TANH),
                    new AvgPool2DSpec(2, 1),
                    new DropoutSpec(0.25),
                    new FlattenSpec(),
                    new DenseSpec(48, Activation.SIGMOID),
                    new DenseSpec(10, Activation.SOFTMAX))),
            new TrainingSettings(3, 32, Optimizer.SGD, 0.05, 0.8, 7, 0.2, 5000));

    /** A document text that {@link SpecJson#read} should reject with {@code key}. */
    record InvalidText(String label, String json, String key) {

        @Override
        public String toString() {
            return label;
        }
    }

    /** A hand edit that {@link SpecJson#read} accepts and shape inference flags with {@code key}. */
    record ImpossibleValue(String label, String from, String to, String key) {

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<ImpossibleValue> impossibleValues() {
        return Stream.of(
                new ImpossibleValue("negative filters", "\"filters\" : 16", "\"filters\" : -16", "problem.conv.filters"),
                new ImpossibleValue("zero kernel", "\"kernel\" : 5", "\"kernel\" : 0", "problem.kernel.tooSmall"),
                new ImpossibleValue("negative stride", "\"stride\" : 2", "\"stride\" : -2", "problem.stride.tooSmall"),
                new ImpossibleValue("negative height", "\"height\" : 28", "\"height\" : -28", "problem.input.invalid"),
                new ImpossibleValue("zero channels", "\"channels\" : 1", "\"channels\" : 0", "problem.input.invalid"),
                new ImpossibleValue("dropout rate above 1", "\"rate\" : 0.25", "\"rate\" : 1.5", "problem.dropout.rate"),
                new ImpossibleValue("negative units", "\"units\" : 48", "\"units\" : -48", "problem.dense.units"),
                new ImpossibleValue("kernel larger than input", "\"kernel\" : 3", "\"kernel\" : 300",
                        "problem.conv.kernelTooLarge"));
    }

    static Stream<String> presetIds() {
        return Presets.IDS.stream();
    }

    static Stream<InvalidText> invalidTexts() {
        String valid = SpecJson.write(FIXTURE);
        return Stream.of(
                new InvalidText("unknown layer type", valid.replace("\"Flatten\"", "\"Reshape\""),
                        "error.spec.invalidContent"),
                new InvalidText("missing layer type", valid.replace("\"type\" : \"Flatten\"", "\"name\" : \"x\""),
                        "error.spec.invalidContent"),
                new InvalidText("missing filters", valid.replace("\"filters\" : 16,", ""),
                        "error.spec.invalidContent"),
                new InvalidText("missing units", valid.replace("\"units\" : 48,", ""),
                        "error.spec.invalidContent"),
                new InvalidText("missing input", valid.replaceFirst("\"input\" : \\{[^}]*},", ""),
                        "error.spec.invalidContent"),
                new InvalidText("missing network", valid.replaceFirst("(?s)\"network\" : \\{.*?\\]\\s*},", ""),
                        "error.spec.invalidContent"),
                new InvalidText("null network",
                        valid.replaceFirst("(?s)\"network\" : \\{.*?\\]\\s*}", "\"network\" : null"),
                        "error.spec.notNetworkFile"),
                new InvalidText("missing epochs", valid.replace("\"epochs\" : 3,", ""),
                        "error.spec.invalidContent"),
                new InvalidText("null layers", valid.replaceFirst("(?s)\"layers\" : \\[.*?} ]", "\"layers\" : null"),
                        "error.spec.invalidContent"),
                new InvalidText("null layer", valid.replace("{\n      \"type\" : \"Flatten\"\n    }", "null"),
                        "error.spec.invalidContent"),
                new InvalidText("unknown padding", valid.replace("\"SAME\"", "\"FULL\""),
                        "error.spec.invalidContent"),
                new InvalidText("kernel as text", valid.replace("\"kernel\" : 5", "\"kernel\" : \"five\""),
                        "error.spec.invalidContent"),
                new InvalidText("newer version", valid.replace("\"version\" : 1", "\"version\" : 2"),
                        "error.spec.newerVersion"),
                new InvalidText("not json", "Conv2D 32 3x3, MaxPool2D 2, Dense 10", "error.spec.invalidJson"),
                new InvalidText("unclosed object", "{ \"format\" : \"deepdesk-network\"", "error.spec.invalidJson"),
                new InvalidText("other json kind", "{ \"name\" : \"left-pad\", \"version\" : \"1.3.0\" }",
                        "error.spec.notNetworkFile"),
                new InvalidText("model manifest", "{ \"format\" : \"deepdesk-model\", \"version\" : 1 }",
                        "error.spec.notNetworkFile"),
                new InvalidText("json array", "[ 1, 2, 3 ]", "error.spec.notNetworkFile"),
                new InvalidText("empty text", "", "error.spec.notNetworkFile"),
                new InvalidText("missing version", valid.replace("\"version\" : 1,", ""), "error.spec.notNetworkFile"),
                new InvalidText("version zero", valid.replace("\"version\" : 1", "\"version\" : 0"),
                        "error.spec.notNetworkFile"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presetIds")
    void presetRoundTrip(String id) {
        NetworkDocument preset = Presets.load(id);

        NetworkDocument again = SpecJson.read(SpecJson.write(preset), SOURCE);

        assertThat(again).isEqualTo(preset);
    }

    @Test
    void fileRoundTrip(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("every-layer.json");

        SpecJson.write(FIXTURE, file);

        assertThat(SpecJson.read(file)).isEqualTo(FIXTURE);
    }

    @Test
    void versionOneFixtureLoads() throws IOException {
        try (InputStream input = SpecJsonTest.class.getResourceAsStream("/fixtures/network-v1.json")) {
            assertThat(input).isNotNull();

            NetworkDocument document = SpecJson.read(input, "network-v1.json");

            assertThat(document).isEqualTo(FIXTURE);
        }
    }

    @Test
    void fixtureIsValidNetwork() {
        NetworkSummary summary = ShapeInference.summarize(FIXTURE.network(), 10);

        assertThat(summary.firstProblem()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTexts")
    void invalidTextIsRejected(InvalidText invalid) {
        EngineException failure = catchThrowableOfType(EngineException.class,
                () -> SpecJson.read(invalid.json(), SOURCE));

        assertThat(failure).isNotNull();
        assertThat(failure.userMessage().key()).isEqualTo(invalid.key());
        assertThat(failure.userMessage().arguments().get(0)).isEqualTo(SOURCE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleValues")
    void impossibleValueIsFlagged(ImpossibleValue impossible) {
        String valid = SpecJson.write(FIXTURE);
        assertThat(valid).contains(impossible.from());
        String edited = valid.replaceFirst(Pattern.quote(impossible.from()), impossible.to());

        NetworkSummary summary = ShapeInference.summarize(SpecJson.read(edited, SOURCE).network(), 10);

        assertThat(summary.isValid()).isFalse();
        assertThat(summary.firstProblem().orElseThrow().key()).isEqualTo(impossible.key());
    }

    @Test
    void newerVersionNamesBothVersions() {
        String newer = SpecJson.write(FIXTURE).replace("\"version\" : 1", "\"version\" : 7");

        Message message = catchThrowableOfType(EngineException.class, () -> SpecJson.read(newer, SOURCE)).userMessage();

        assertThat(message.arguments()).containsExactly(SOURCE, 7, SpecJson.VERSION);
    }

    @Test
    void missingTrainingUsesDefaults() {
        String withoutTraining = SpecJson.write(FIXTURE).replaceFirst("(?s),\\s*\"training\" : \\{.*?}", "");

        NetworkDocument document = SpecJson.read(withoutTraining, SOURCE);

        assertThat(document.network()).isEqualTo(FIXTURE.network());
        assertThat(document.training()).isEqualTo(TrainingSettings.defaults());
    }

    @Test
    void nullTrainingUsesDefaults() {
        String nullTraining = SpecJson.write(FIXTURE).replaceFirst("(?s)\"training\" : \\{.*?}", "\"training\" : null");

        NetworkDocument document = SpecJson.read(nullTraining, SOURCE);

        assertThat(document.training()).isEqualTo(TrainingSettings.defaults());
    }

    @Test
    void versionOneSettingsGetNewDefaults() {
        String oldSettings = "{ \"format\": \"deepdesk-network\", \"version\": 1, \"network\": "
                + "{ \"name\": \"n\", \"input\": { \"height\": 28, \"width\": 28, \"channels\": 1 }, \"layers\": [] }, "
                + "\"training\": { \"epochs\": 3, \"batchSize\": 32, \"optimizer\": \"SGD\", \"learningRate\": 0.05, "
                + "\"momentum\": 0.8, \"seed\": 7, \"validationSplit\": 0.2, \"trainingLimit\": 5000 } }";

        TrainingSettings training = SpecJson.read(oldSettings, SOURCE).training();

        assertThat(training).isEqualTo(new TrainingSettings(3, 32, Optimizer.SGD, 0.05, 0.8, 7, 0.2, 5000));
        assertThat(training.nesterov()).isTrue();
        assertThat(training.schedule().kind()).isEqualTo(LearningRateSchedule.Kind.CONSTANT);
        assertThat(training.weightDecay()).isZero();
        assertThat(training.earlyStoppingPatience()).isZero();
    }

    @Test
    void newSettingsSurviveRoundTrip() {
        TrainingSettings settings = TrainingSettings.defaults().withOptimizer(Optimizer.RMSPROP).withNesterov(false)
                .withSchedule(new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 3, 0.7))
                .withWeightDecay(1e-4).withEarlyStoppingPatience(2);
        NetworkDocument document = new NetworkDocument(FIXTURE.network(), settings);

        NetworkDocument read = SpecJson.read(SpecJson.write(document), SOURCE);

        assertThat(read.training()).isEqualTo(settings);
    }

    @Test
    void fileErrorNamesFile(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("broken.json"), "{ not json");

        EngineException failure = catchThrowableOfType(EngineException.class, () -> SpecJson.read(file));

        assertThat(failure.userMessage().key()).isEqualTo("error.spec.invalidJson");
        assertThat(failure.userMessage().arguments().get(0)).isEqualTo("broken.json");
    }
}
