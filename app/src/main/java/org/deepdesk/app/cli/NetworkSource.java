package org.deepdesk.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.Presets;
import org.deepdesk.engine.spec.SpecJson;
import picocli.CommandLine.Option;

/** The network a command works on: a bundled preset or a network file, exactly one of them. */
final class NetworkSource {

    @Option(names = "--preset", paramLabel = "ID", descriptionKey = "cli.option.preset",
            completionCandidates = PresetIds.class)
    String presetId;

    @Option(names = "--spec", paramLabel = "FILE", descriptionKey = "cli.option.spec")
    Path specFile;

    /** Loads the network document, or prints why it cannot and returns empty. */
    Optional<NetworkDocument> load(Console console) {
        if (presetId != null) {
            return loadPreset(console);
        }
        return loadSpecFile(console);
    }

    private Optional<NetworkDocument> loadPreset(Console console) {
        // Presets.load reports an unknown id in English only, so the id is checked here first.
        if (!Presets.IDS.contains(presetId)) {
            console.error("cli.error.unknownPreset", presetId, String.join(", ", Presets.IDS));
            return Optional.empty();
        }
        return Optional.of(Presets.load(presetId));
    }

    private Optional<NetworkDocument> loadSpecFile(Console console) {
        if (!Files.isRegularFile(specFile)) {
            console.error("cli.error.fileNotFound", specFile);
            return Optional.empty();
        }
        try {
            return Optional.of(SpecJson.read(specFile));
        } catch (IOException failed) {
            console.error("cli.error.fileUnreadable", specFile, failed.getMessage());
            return Optional.empty();
        } catch (EngineException invalid) {
            console.error(invalid.userMessage());
            return Optional.empty();
        }
    }

    /** The preset ids, listed in the help text through {@code ${COMPLETION-CANDIDATES}}. */
    static final class PresetIds implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return Presets.IDS.iterator();
        }
    }
}
