package org.deepdesk.engine.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deepdesk.engine.AtomicFile;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.ZipEntries;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.spec.SpecJson;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and loads trained networks as one zip file ({@code .ddmodel}) holding a manifest, the
 * network document, the training history and the backend's weights.
 *
 * <p>Saves are atomic ({@link AtomicFile}): a crash or a full disk leaves the previous file intact.
 */
public final class ModelStore {

    public static final String EXTENSION = ".ddmodel";
    public static final String FORMAT = "deepdesk-model";
    public static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MANIFEST = "manifest.json";
    private static final String NETWORK = "network.json";
    private static final String HISTORY = "history.json";
    private static final String WEIGHTS = "weights.zip";

    private ModelStore() {
    }

    /**
     * Writes the network to {@code target}, replacing any file there only once the new one is complete.
     *
     * @throws EngineException naming the file when it cannot be written
     */
    public static void save(TrainableNetwork network, Path target) {
        Path absolute = target.toAbsolutePath();
        try {
            AtomicFile.write(absolute, output -> write(network, output));
            LOG.info("Saved model {} to {}", network.spec().name(), absolute);
        } catch (IOException failed) {
            throw new EngineException(Message.of("error.model.saveFailed", absolute, EngineException.describe(failed)), failed);
        }
    }

    /**
     * Writes the content of a model file to a stream, which stays open, for a model kept inside
     * another file such as a project.
     */
    public static void write(TrainableNetwork network, OutputStream output) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(output);
        writeZip(network, zip);
        // Closing the zip would close the stream too, so it is only finished.
        zip.finish();
    }

    private static void writeZip(TrainableNetwork network, ZipOutputStream zip) throws IOException {
        // The lock keeps a training step from changing the weights halfway through the save.
        network.lock().lock();
        try {
            ObjectNode manifest = MAPPER.createObjectNode();
            manifest.put("format", FORMAT);
            manifest.put("version", VERSION);
            manifest.put("classCount", network.classCount());
            manifest.put("backend", network.backend().kind().manifestName());
            WeightLayout.of(ShapeInference.summarize(network.spec(), network.classCount())).writeTo(manifest);
            ZipEntries.put(zip, MANIFEST, MAPPER.writeValueAsBytes(manifest));
            ZipEntries.put(zip, NETWORK, SpecJson.write(new NetworkDocument(network.spec(), network.settings()))
                    .getBytes(StandardCharsets.UTF_8));
            ZipEntries.put(zip, HISTORY, MAPPER.writeValueAsBytes(network.history()));

            ByteArrayOutputStream weights = new ByteArrayOutputStream();
            network.backend().writeWeights(weights);
            ZipEntries.put(zip, WEIGHTS, weights.toByteArray());
        } finally {
            network.lock().unlock();
        }
    }

    /**
     * Reads a model file.
     *
     * @throws EngineException naming the file when it is missing, corrupt, incomplete or newer than this version
     */
    public static TrainableNetwork load(Path file) {
        String name = file.getFileName().toString();
        try (InputStream input = Files.newInputStream(file)) {
            return read(input, name);
        } catch (IOException failed) {
            throw new EngineException(Message.of("error.model.readFailed", name, EngineException.describe(failed)), failed);
        }
    }

    /**
     * Reads the content of a model file, such as one kept inside a project file.
     *
     * @param content the bytes that {@link #write} wrote
     * @param name the file or entry name that error messages show
     * @throws EngineException naming {@code name} when the content is corrupt, incomplete or newer than this version
     */
    public static TrainableNetwork read(byte[] content, String name) {
        try {
            return read(new ByteArrayInputStream(content), name);
        } catch (IOException impossible) {
            throw new EngineException(Message.of("error.model.readFailed", name, EngineException.describe(impossible)), impossible);
        }
    }

    /** Reads a model from a stream; an {@link IOException} left over is a failed read rather than damage. */
    private static TrainableNetwork read(InputStream input, String name) throws IOException {
        Map<String, byte[]> entries;
        try {
            entries = ZipEntries.readAll(input);
        } catch (ZipEntries.TooLargeException tooLarge) {
            throw new EngineException(Message.of("error.file.tooLarge", name, tooLarge.limitBytes() / (1024 * 1024)), tooLarge);
        } catch (ZipException | EOFException | IllegalArgumentException corrupt) {
            // A zip cut short ends inside an entry, which ZipInputStream reports as end of file,
            // and an entry name that is not valid UTF-8 raises IllegalArgumentException.
            throw new EngineException(Message.of("error.model.corrupt", name), corrupt);
        }
        return fromEntries(entries, name);
    }

    private static TrainableNetwork fromEntries(Map<String, byte[]> entries, String name) {
        if (entries.isEmpty()) {
            throw new EngineException(Message.of("error.model.corrupt", name));
        }
        requireEntry(entries, MANIFEST, name);
        try {
            JsonNode manifest = MAPPER.readTree(entries.get(MANIFEST));
            if (!FORMAT.equals(manifest.path("format").asText())) {
                throw new EngineException(Message.of("error.model.corrupt", name));
            }
            int version = manifest.path("version").asInt(-1);
            if (version > VERSION) {
                throw new EngineException(Message.of("error.model.newerVersion", name, version, VERSION));
            }
            // The other parts are checked after the version, because a newer format may name them
            // differently, and its files should raise newerVersion rather than missingEntry.
            requireEntry(entries, NETWORK, name);
            requireEntry(entries, WEIGHTS, name);
            int classCount = manifest.path("classCount").asInt(10);
            NetworkDocument document = SpecJson.read(new String(entries.get(NETWORK), StandardCharsets.UTF_8), name);
            NetworkSummary summary = ShapeInference.summarize(document.network(), classCount);
            checkNetworkFitsWeights(document.network(), summary, manifest, name);
            TrainingHistory history = entries.containsKey(HISTORY)
                    ? MAPPER.readValue(entries.get(HISTORY), TrainingHistory.class)
                    : TrainingHistory.EMPTY;

            // Files from before the native backend name "deeplearning4j", or nothing at all.
            Backend kind = Backend.fromManifest(manifest.path("backend").asText(""));
            NetworkBackend backend = kind.read(new ByteArrayInputStream(entries.get(WEIGHTS)),
                    document.network(), document.training(), classCount);
            checkDl4jParameterCount(backend, summary, name);
            return new TrainableNetwork(document.network(), document.training(), backend, history);
        } catch (IOException | RuntimeException invalid) {
            if (invalid instanceof EngineException engine) {
                throw engine;
            }
            throw new EngineException(Message.of("error.model.corrupt", name), invalid);
        }
    }

    /**
     * Rejects a network document that cannot work or that no longer fits the saved weights, as
     * after a hand edit of {@code network.json}, before a backend builds anything from it.
     */
    private static void checkNetworkFitsWeights(NetworkSpec network, NetworkSummary summary, JsonNode manifest, String name) {
        if (!summary.isValid()) {
            throw new EngineException(Message.of("error.model.invalidNetwork", name, summary.firstProblem().orElseThrow()));
        }
        WeightLayout current = WeightLayout.of(summary);
        WeightLayout.readFrom(manifest)
                .flatMap(saved -> saved.mismatch(current, network.layers(), name))
                .ifPresent(mismatch -> {
                    throw new EngineException(mismatch);
                });
    }

    /**
     * Compares the parameter count of a restored Deeplearning4j network with its document. Files
     * saved before the manifest recorded a {@link WeightLayout} are caught here, because
     * Deeplearning4j restores its own configuration and would ignore an edited document.
     */
    private static void checkDl4jParameterCount(NetworkBackend backend, NetworkSummary summary, String name) {
        if (backend instanceof Dl4jBackend dl4j && dl4j.parameterCount() != summary.totalParameters()) {
            throw new EngineException(Message.of("error.model.parameterCountMismatch",
                    name, summary.totalParameters(), dl4j.parameterCount()));
        }
    }

    private static void requireEntry(Map<String, byte[]> entries, String entry, String fileName) {
        if (!entries.containsKey(entry)) {
            throw new EngineException(Message.of("error.model.missingEntry", fileName, entry));
        }
    }

}
