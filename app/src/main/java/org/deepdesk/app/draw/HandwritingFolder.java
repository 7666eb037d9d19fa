package org.deepdesk.app.draw;

import java.nio.file.Path;
import java.util.Locale;
import org.deepdesk.app.LogFolder;

/**
 * The per-user folder of the digits saved from the Draw view: {@code handwriting} next to
 * {@code logs} in DeepDesk's data folder on Windows and Linux, and under
 * {@code ~/Library/Application Support/DeepDesk} on macOS, whose log folder is elsewhere.
 */
public final class HandwritingFolder {

    /** The system property that overrides the folder, as tests and shared classroom machines need. */
    public static final String PROPERTY = "deepdesk.handwritingDir";

    private static final String FOLDER_NAME = "handwriting";

    private HandwritingFolder() {
    }

    /** Returns the folder of the running JVM: the property's value when it is set. */
    public static Path current() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return forSystem(System.getProperty("os.name", ""), System.getProperty("user.home"), LogFolder.current());
    }

    static Path forSystem(String osName, String userHome, Path logFolder) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "DeepDesk", FOLDER_NAME);
        }
        // The log folder is <data folder>/DeepDesk/logs there, unless deepdesk.logDir moved it.
        Path parent = logFolder.toAbsolutePath().getParent();
        return (parent == null ? logFolder : parent).resolve(FOLDER_NAME);
    }
}
