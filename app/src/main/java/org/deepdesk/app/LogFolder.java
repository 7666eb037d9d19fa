package org.deepdesk.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user folder of DeepDesk's log files, where each operating system keeps application
 * logs. {@code logback.xml} reads it from the system property {@link #PROPERTY}, so
 * {@link #configure} must run before the first logger is created.
 */
public final class LogFolder {

    /** The system property that {@code logback.xml} reads; a value set on the command line wins. */
    public static final String PROPERTY = "deepdesk.logDir";

    private static final String APP_FOLDER = "DeepDesk";

    private LogFolder() {
    }

    /** Sets {@link #PROPERTY} to this user's log folder unless it is already set, and returns the folder. */
    public static Path configure() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path folder = forSystem(System.getProperty("os.name", ""), System.getProperty("user.home"), System.getenv());
        System.setProperty(PROPERTY, folder.toString());
        return folder;
    }

    /** Returns the folder of the running JVM: the property's value once {@link #configure} ran. */
    public static Path current() {
        return Path.of(System.getProperty(PROPERTY, forSystem(System.getProperty("os.name", ""),
                System.getProperty("user.home"), System.getenv()).toString()));
    }

    /**
     * Returns the log folder for an operating system: {@code %LOCALAPPDATA%\DeepDesk\logs} on
     * Windows, {@code ~/Library/Logs/DeepDesk} on macOS, and under {@code $XDG_DATA_HOME} (by
     * default {@code ~/.local/share}) elsewhere, following the XDG base directory convention.
     */
    static Path forSystem(String osName, String userHome, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = environment.get("LOCALAPPDATA");
            Path base = isSet(localAppData) ? Path.of(localAppData) : Path.of(userHome, "AppData", "Local");
            return base.resolve(APP_FOLDER).resolve("logs");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Logs", APP_FOLDER);
        }
        String dataHome = environment.get("XDG_DATA_HOME");
        Path base = isSet(dataHome) ? Path.of(dataHome) : Path.of(userHome, ".local", "share");
        return base.resolve(APP_FOLDER).resolve("logs");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
