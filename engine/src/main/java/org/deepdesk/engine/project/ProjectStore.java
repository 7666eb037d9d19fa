package org.deepdesk.engine.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deepdesk.engine.AtomicFile;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.ZipEntries;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.PersonalDigits;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.SpecJson;
import org.deepdesk.engine.train.ModelStore;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.i18n.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and opens project files ({@code .deepdesk}): one zip holding
 * <ul>
 *   <li>{@code manifest.json}: {@code {"format": "deepdesk-project", "version": 1, "name": ..., "trained": true|false}};</li>
 *   <li>{@code network.json}: the stack and the training settings, as {@link SpecJson} writes them;</li>
 *   <li>{@code model.ddmodel}: only when {@code trained} is true, the trained network with its weights and
 *       history, byte for byte a model file as {@link ModelStore} writes it;</li>
 *   <li>{@code notes.md}, {@code dataset/train-images-idx3-ubyte.gz} and {@code dataset/train-labels-idx1-ubyte.gz}:
 *       only in a classroom pack (manifest {@code "pack": true, "classes": n}), the teacher's notes and
 *       the training images as a gzipped IDX pair ({@link PackDataset}).</li>
 *   <li>{@code handwriting/images-idx3-ubyte.gz} and {@code handwriting/labels-idx1-ubyte.gz}: only
 *       when the user saved at least one digit to My handwriting, those digits and their labels as a
 *       gzipped IDX pair ({@link HandwritingEntries}).</li>
 * </ul>
 *
 * <p>Packs and handwriting are still version 1: entries and manifest fields a reader does not know
 * are ignored, so an older DeepDesk opens a pack as a plain project and a project without its
 * handwriting. A file without the handwriting entries, as every file saved before they existed,
 * loads with no handwriting.
 *
 * <p>Damaged handwriting does not stop the rest of the project from opening: {@link #open} leaves
 * it out and returns a warning instead, because the digits are a side part that the user can
 * draw again, while the stack and the trained network may hold hours of work.
 *
 * <p>Saves are atomic ({@link AtomicFile}), so a failed save leaves the previous file as it was.
 * Files of a newer format version are refused with both versions in the message, before any other
 * part is read, because a newer format may lay them out differently. Version 1 is the first; files
 * of every earlier version, once there are any, must keep opening.
 */
public final class ProjectStore {

    public static final String EXTENSION = ".deepdesk";
    public static final String FORMAT = "deepdesk-project";
    public static final int VERSION = 1;

    static final String MANIFEST = "manifest.json";
    static final String NETWORK = "network.json";
    static final String MODEL = "model" + ModelStore.EXTENSION;
    static final String NOTES = "notes.md";
    /** Labels are stored as unsigned bytes, so a pack holds at most 256 classes. */
    private static final int MAX_CLASSES = 256;

    private static final Logger LOG = LoggerFactory.getLogger(ProjectStore.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProjectStore() {
    }

    /**
     * Writes the project to {@code target}, replacing any file there only once the new one is complete.
     *
     * @throws EngineException naming the file when it cannot be written
     */
    public static void save(ProjectFile project, Path target) {
        Path absolute = target.toAbsolutePath();
        try {
            AtomicFile.write(absolute, output -> write(project, output));
            LOG.info("Saved project {} to {}", project.network().name(), absolute);
        } catch (IOException failed) {
            throw new EngineException(Message.of("error.project.saveFailed", absolute, EngineException.describe(failed)), failed);
        }
    }

    private static void write(ProjectFile project, OutputStream output) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(output);
        ObjectNode manifest = MAPPER.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("version", VERSION);
        manifest.put("name", project.network().name());
        manifest.put("trained", project.trained().isPresent());
        if (project.isPack()) {
            manifest.put("pack", true);
            manifest.put("classes", project.dataset().get().classCount());
        }
        ZipEntries.put(zip, MANIFEST, MAPPER.writeValueAsBytes(manifest));
        ZipEntries.put(zip, NETWORK, SpecJson.write(new NetworkDocument(project.network(), project.settings()))
                .getBytes(StandardCharsets.UTF_8));
        if (project.trained().isPresent()) {
            ByteArrayOutputStream model = new ByteArrayOutputStream();
            ModelStore.write(project.trained().get(), model);
            ZipEntries.put(zip, MODEL, model.toByteArray());
        }
        if (project.notes().isPresent()) {
            ZipEntries.put(zip, NOTES, project.notes().get().getBytes(StandardCharsets.UTF_8));
        }
        if (project.isPack()) {
            ZipEntries.put(zip, PackDataset.IMAGES, PackDataset.images(project.dataset().get()));
            ZipEntries.put(zip, PackDataset.LABELS, PackDataset.labels(project.dataset().get()));
        }
        // An IDX file cannot declare a dimension of size 0, so no digits means no entries.
        if (!project.handwriting().isEmpty()) {
            ZipEntries.put(zip, HandwritingEntries.IMAGES, HandwritingEntries.images(project.handwriting()));
            ZipEntries.put(zip, HandwritingEntries.LABELS, HandwritingEntries.labels(project.handwriting()));
        }
        // Closing the zip would close the stream, which belongs to the caller.
        zip.finish();
    }

    /**
     * Reads a project file, leaving out damaged handwriting as {@link #open} does.
     *
     * @throws EngineException naming the file when it is missing, unreadable, corrupt, incomplete or
     *     of a newer format version
     */
    public static ProjectFile load(Path file) {
        return open(file).project();
    }

    /**
     * Reads a project file. Damaged handwriting entries are left out, with a warning that names
     * the file and the entry; every other damage rejects the whole file.
     *
     * @throws EngineException naming the file when it is missing, unreadable, corrupt, incomplete or
     *     of a newer format version
     */
    public static LoadedProject open(Path file) {
        String name = file.getFileName().toString();
        Map<String, byte[]> entries;
        try (InputStream input = Files.newInputStream(file)) {
            entries = ZipEntries.readAll(input);
        } catch (ZipEntries.TooLargeException tooLarge) {
            throw new EngineException(Message.of("error.file.tooLarge", name, tooLarge.limitBytes() / (1024 * 1024)), tooLarge);
        } catch (ZipException | EOFException | IllegalArgumentException corrupt) {
            // A zip cut short ends inside an entry, which ZipInputStream reports as end of file,
            // and an entry name that is not valid UTF-8 raises IllegalArgumentException.
            throw new EngineException(Message.of("error.project.corrupt", name), corrupt);
        } catch (IOException failed) {
            throw new EngineException(Message.of("error.project.readFailed", name, EngineException.describe(failed)), failed);
        }
        return fromEntries(entries, name);
    }

    private static LoadedProject fromEntries(Map<String, byte[]> entries, String name) {
        if (entries.isEmpty()) {
            throw new EngineException(Message.of("error.project.corrupt", name));
        }
        requireEntry(entries, MANIFEST, name);
        JsonNode manifest = readManifest(entries.get(MANIFEST), name);
        String format = manifest.path("format").asText("");
        if (ModelStore.FORMAT.equals(format)) {
            // A model file renamed, or picked in a dialog that shows every file.
            throw new EngineException(Message.of("error.project.isModel", name));
        }
        if (!FORMAT.equals(format)) {
            throw new EngineException(Message.of("error.project.corrupt", name));
        }
        JsonNode versionNode = manifest.path("version");
        if (!versionNode.isIntegralNumber()) {
            throw new EngineException(Message.of("error.project.corrupt", name));
        }
        int version = versionNode.asInt();
        if (version > VERSION) {
            throw new EngineException(Message.of("error.project.newerVersion", name, version, VERSION));
        }
        if (version < 1) {
            throw new EngineException(Message.of("error.project.corrupt", name));
        }

        // The parts are looked for only now, so a newer file raises newerVersion rather than missingEntry.
        requireEntry(entries, NETWORK, name);
        NetworkDocument document = readNetwork(entries.get(NETWORK), name);
        Optional<TrainableNetwork> trained = Optional.empty();
        if (manifest.path("trained").asBoolean(false)) {
            requireEntry(entries, MODEL, name);
            trained = Optional.of(readModel(entries.get(MODEL), name));
        }
        Optional<String> notes = Optional.ofNullable(entries.get(NOTES)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        Optional<ImageDataset> dataset = Optional.empty();
        if (manifest.path("pack").asBoolean(false)) {
            dataset = Optional.of(readDataset(entries, manifest, name));
        }
        List<Message> warnings = new ArrayList<>();
        PersonalDigits handwriting = readHandwriting(entries, name, warnings);
        ProjectFile project = new ProjectFile(document.network(), document.training(), trained, notes, dataset, handwriting);
        return new LoadedProject(project, warnings);
    }

    /** Reads the handwriting, or returns none and adds a warning when its entries are damaged. */
    private static PersonalDigits readHandwriting(Map<String, byte[]> entries, String name, List<Message> warnings) {
        if (!HandwritingEntries.present(entries)) {
            return PersonalDigits.empty();
        }
        try {
            return HandwritingEntries.read(entries, name);
        } catch (EngineException damaged) {
            LOG.warn("Opening {} without its handwriting: {}", name, damaged.getMessage());
            warnings.add(damaged.userMessage());
            return PersonalDigits.empty();
        }
    }

    private static ImageDataset readDataset(Map<String, byte[]> entries, JsonNode manifest, String name) {
        requireEntry(entries, PackDataset.IMAGES, name);
        requireEntry(entries, PackDataset.LABELS, name);
        int classCount = manifest.path("classes").asInt(0);
        if (classCount < 1 || classCount > MAX_CLASSES) {
            throw new EngineException(Message.of("error.project.corrupt", name));
        }
        String datasetName = manifest.path("name").asText(name);
        return PackDataset.read(entries.get(PackDataset.IMAGES), entries.get(PackDataset.LABELS), classCount, datasetName, name);
    }

    private static JsonNode readManifest(byte[] content, String name) {
        try {
            JsonNode manifest = MAPPER.readTree(content);
            if (manifest == null || !manifest.isObject()) {
                throw new EngineException(Message.of("error.project.corrupt", name));
            }
            return manifest;
        } catch (IOException invalid) {
            throw new EngineException(Message.of("error.project.corrupt", name), invalid);
        }
    }

    /** Reads the stack and settings; the document's own message, which names the entry, says what is wrong. */
    private static NetworkDocument readNetwork(byte[] content, String name) {
        try {
            return SpecJson.read(new String(content, StandardCharsets.UTF_8), NETWORK);
        } catch (EngineException invalid) {
            throw new EngineException(Message.of("error.project.invalidNetwork", name, invalid.userMessage()), invalid);
        }
    }

    /** Reads the trained network, with the model file's own message, which names the entry, as the reason. */
    private static TrainableNetwork readModel(byte[] content, String name) {
        try {
            return ModelStore.read(content, MODEL);
        } catch (EngineException invalid) {
            throw new EngineException(Message.of("error.project.invalidModel", name, invalid.userMessage()), invalid);
        }
    }

    private static void requireEntry(Map<String, byte[]> entries, String entry, String fileName) {
        if (!entries.containsKey(entry)) {
            throw new EngineException(Message.of("error.project.missingEntry", fileName, entry));
        }
    }

}
