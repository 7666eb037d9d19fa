package org.deepdesk.app.project;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project files opened or saved last, newest first, at most {@link #MAX_COUNT}, kept in the
 * user preferences so that File > Open recent lists them after a restart. FX thread only.
 */
public final class RecentFiles {

    public static final int MAX_COUNT = 8;

    static final String KEY_PREFIX = "recent.";
    private static final Logger LOG = LoggerFactory.getLogger(RecentFiles.class);

    private final Preferences preferences;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(files);

    public RecentFiles(Preferences preferences) {
        this.preferences = preferences;
        files.setAll(stored(preferences));
    }

    /** Returns the list stored for this user, in the preferences node of this package. */
    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userNodeForPackage(RecentFiles.class));
    }

    /** The files, newest first; the menu follows this list. */
    public ObservableList<Path> files() {
        return readOnly;
    }

    /** Puts a file at the top, moving it there if it is listed already, and drops the oldest beyond the maximum. */
    public void add(Path file) {
        Path normalized = normalize(file);
        List<Path> updated = new ArrayList<>(files);
        updated.remove(normalized);
        updated.add(0, normalized);
        while (updated.size() > MAX_COUNT) {
            updated.remove(updated.size() - 1);
        }
        files.setAll(updated);
        store();
    }

    public void remove(Path file) {
        if (files.remove(normalize(file))) {
            store();
        }
    }

    public void clear() {
        files.clear();
        store();
    }

    private static Path normalize(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** Puts the list into the preferences; Java writes them to disk in the background and at exit. */
    private void store() {
        for (int index = 0; index < MAX_COUNT; index++) {
            if (index < files.size()) {
                preferences.put(KEY_PREFIX + index, files.get(index).toString());
            } else {
                preferences.remove(KEY_PREFIX + index);
            }
        }
    }

    private static List<Path> stored(Preferences preferences) {
        List<Path> stored = new ArrayList<>();
        for (int index = 0; index < MAX_COUNT; index++) {
            String value = preferences.get(KEY_PREFIX + index, null);
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                Path file = normalize(Path.of(value));
                if (!stored.contains(file)) {
                    stored.add(file);
                }
            } catch (InvalidPathException invalid) {
                LOG.warn("Ignoring the recent project {}, which is no path on this system", value);
            }
        }
        return stored;
    }
}
