package org.deepdesk.engine.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepdesk.engine.EngineException;
import org.deepdesk.i18n.Message;

/**
 * Reads and writes network documents as JSON:
 * <pre>{ "format": "deepdesk-network", "version": 1, "network": {...}, "training": {...} }</pre>
 * Files of a newer version are rejected with the version in the message, so an old build never
 * misreads a newer file.
 */
public final class SpecJson {

    public static final String FORMAT = "deepdesk-network";
    public static final int VERSION = 1;

    /** Training settings that version 1 files written before they existed lack. */
    private static final List<String> LATER_SETTINGS = List.of("nesterov", "schedule", "weightDecay", "earlyStoppingPatience");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private SpecJson() {
    }

    public static String write(NetworkDocument document) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("network", MAPPER.valueToTree(document.network()));
        root.set("training", MAPPER.valueToTree(document.training()));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("records of plain values always serialize", impossible);
        }
    }

    public static void write(NetworkDocument document, Path file) throws IOException {
        Files.writeString(file, write(document), StandardCharsets.UTF_8);
    }

    /**
     * Parses a network document.
     *
     * @param json the file content
     * @param source the file name shown in error messages
     * @throws EngineException when the text is not a network document of a supported version
     */
    public static NetworkDocument read(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException invalid) {
            throw new EngineException(Message.of("error.spec.invalidJson", source, invalid.getOriginalMessage()), invalid);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new EngineException(Message.of("error.spec.notNetworkFile", source));
        }
        int version = root.path("version").asInt(-1);
        if (version > VERSION) {
            throw new EngineException(Message.of("error.spec.newerVersion", source, version, VERSION));
        }
        if (version < 1) {
            throw new EngineException(Message.of("error.spec.notNetworkFile", source));
        }

        try {
            NetworkSpec network = MAPPER.treeToValue(root.path("network"), NetworkSpec.class);
            JsonNode trainingNode = root.path("training");
            // A null "training" is read as a missing one, because treeToValue would return null settings.
            TrainingSettings training = trainingNode.isMissingNode() || trainingNode.isNull()
                    ? TrainingSettings.defaults()
                    : readSettings(trainingNode);
            if (network == null || network.input() == null || network.layers() == null) {
                throw new EngineException(Message.of("error.spec.notNetworkFile", source));
            }
            return new NetworkDocument(network, training);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException invalid) {
            String detail = invalid instanceof JsonProcessingException json1 ? json1.getOriginalMessage() : String.valueOf(invalid.getMessage());
            throw new EngineException(Message.of("error.spec.invalidContent", source, detail), invalid);
        }
    }

    /**
     * Reads training settings. The settings added after the first release may be missing, in files
     * written before they existed, and take their values from {@link TrainingSettings#defaults()};
     * a missing original setting still makes the file invalid.
     */
    private static TrainingSettings readSettings(JsonNode node) throws JsonProcessingException {
        if (!node.isObject()) {
            return MAPPER.treeToValue(node, TrainingSettings.class);
        }
        ObjectNode completed = ((ObjectNode) node).deepCopy();
        JsonNode defaults = MAPPER.valueToTree(TrainingSettings.defaults());
        for (String field : LATER_SETTINGS) {
            if (!completed.has(field)) {
                completed.set(field, defaults.get(field));
            }
        }
        return MAPPER.treeToValue(completed, TrainingSettings.class);
    }

    public static NetworkDocument read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    public static NetworkDocument read(InputStream input, String source) throws IOException {
        return read(new String(input.readAllBytes(), StandardCharsets.UTF_8), source);
    }
}
