package org.deepdesk.engine.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The bundled preset networks. Their JSON files live in {@code sample-data/presets} and are
 * packaged on the classpath under {@code /presets}, so they load offline.
 */
public final class Presets {

    /** Preset ids, in the order the UI lists them; the first is the default network. */
    public static final List<String> IDS = List.of("reference-cnn", "lenet5", "mlp", "softmax-regression", "mnist-best");

    public static final String DEFAULT_ID = "reference-cnn";

    private Presets() {
    }

    public static NetworkDocument load(String id) {
        String resource = "/presets/" + id + ".json";
        try (InputStream input = Presets.class.getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalArgumentException("No preset named " + id + "; known presets: " + IDS);
            }
            return SpecJson.read(input, resource);
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not read the bundled preset " + resource, failed);
        }
    }
}
