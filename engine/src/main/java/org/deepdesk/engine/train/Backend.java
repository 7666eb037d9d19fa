package org.deepdesk.engine.train;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.nativeops.NativeOpsBackend;

/**
 * The numeric engines a network can train on. {@link #NATIVE} is the default; Deeplearning4j stays
 * selectable, with the system property {@code deepdesk.backend=dl4j}, so parity can be rechecked.
 */
public enum Backend {
    /** Deeplearning4j's {@code MultiLayerNetwork}: the first engine, kept as the reference. */
    DL4J("deeplearning4j"),
    /** Forward and backward passes assembled from ND4J's native ops: several times faster. */
    NATIVE("nd4j-native-ops");

    /** The system property that picks the backend of new networks: {@code dl4j} or {@code native}. */
    public static final String PROPERTY = "deepdesk.backend";

    private final String manifestName;

    Backend(String manifestName) {
        this.manifestName = manifestName;
    }

    /** The name written to the {@code backend} field of a model file's manifest. */
    public String manifestName() {
        return manifestName;
    }

    /** Returns the backend chosen by {@link #PROPERTY}, or the default. */
    public static Backend selected() {
        String value = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "dl4j", "deeplearning4j" -> DL4J;
            case "", "native", "nd4j-native-ops" -> NATIVE;
            default -> throw new IllegalArgumentException(
                    "Unknown " + PROPERTY + " '" + value + "': use dl4j or native");
        };
    }

    /** Returns the backend a manifest names; files without the field were written by Deeplearning4j. */
    public static Backend fromManifest(String name) {
        for (Backend backend : values()) {
            if (backend.manifestName.equals(name)) {
                return backend;
            }
        }
        if (name == null || name.isEmpty()) {
            return DL4J;
        }
        throw new IllegalArgumentException("unknown backend " + name);
    }

    /** Reads weights that a backend of this kind wrote with {@link NetworkBackend#writeWeights}. */
    NetworkBackend read(InputStream input, NetworkSpec spec, TrainingSettings settings, int classCount) throws IOException {
        return switch (this) {
            case DL4J -> Dl4jBackend.read(input, spec, settings, classCount);
            case NATIVE -> NativeOpsBackend.read(input, spec, settings, classCount);
        };
    }

    /** Creates a network with fresh weights drawn from the settings' seed. */
    public NetworkBackend create(NetworkSpec spec, TrainingSettings settings, int classCount) {
        return switch (this) {
            case DL4J -> Dl4jBackend.create(spec, settings, classCount);
            case NATIVE -> NativeOpsBackend.create(spec, settings, classCount);
        };
    }
}
