package org.deepdesk.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folder where autosave keeps unsaved work until it is saved or DeepDesk exits
 * cleanly: the {@code recovery} folder beside the log folder of {@link LogFolder}, that is
 * {@code %LOCALAPPDATA%\DeepDesk\recovery} on Windows and {@code ~/.local/share/DeepDesk/recovery}
 * (under {@code $XDG_DATA_HOME} when set) elsewhere. On macOS, where logs go to
 * {@code ~/Library/Logs}, it is {@code ~/Library/Application Support/DeepDesk/recovery}.
 */
public final class RecoveryFolder {

    /** The system property that moves the folder, as for tests or a portable installation. */
    public static final String PROPERTY = "deepdesk.recoveryDir";

    private RecoveryFolder() {
    }

    /** Returns the folder of the running JVM: the property's value when set, this user's folder otherwise. */
    public static Path current() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return forSystem(System.getProperty("os.name", ""), System.getProperty("user.home"), System.getenv());
    }

    static Path forSystem(String osName, String userHome, Map<String, String> environment) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "DeepDesk", "recovery");
        }
        return LogFolder.forSystem(osName, userHome, environment).resolveSibling("recovery");
    }
}
