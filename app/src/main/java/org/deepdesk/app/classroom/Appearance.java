package org.deepdesk.app.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chosen theme and presenter mode, applied to the scene's stylesheets and root. The theme is
 * stored in the user preferences; presenter mode starts off each time, since it is for one lesson.
 */
public final class Appearance {

    /** Set on the scene root while presenter mode is on. */
    public static final PseudoClass PRESENTER = PseudoClass.getPseudoClass("presenter");

    static final String THEME_KEY = "theme";
    private static final String PRESENTER_STYLESHEET = "/org/deepdesk/ui/deepdesk-presenter.css";
    private static final Logger LOG = LoggerFactory.getLogger(Appearance.class);

    private final Preferences preferences;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final BooleanProperty presenter = new SimpleBooleanProperty();

    public Appearance(Preferences preferences) {
        this.preferences = preferences;
        theme.set(storedTheme(preferences));
        theme.addListener((observable, old, chosen) -> preferences.put(THEME_KEY, chosen.name()));
    }

    /** Returns the appearance stored for this user, in the preferences node of this package. */
    public static Appearance forUser() {
        return new Appearance(Preferences.userNodeForPackage(Appearance.class));
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    /** Returns the theme in effect: high contrast in presenter mode, the chosen theme otherwise. */
    public Theme effectiveTheme() {
        return presenter.get() ? Theme.HIGH_CONTRAST : theme.get();
    }

    /** Replaces the scene's theme stylesheets after {@code baseStylesheet} and sets the presenter pseudo-class. */
    public void applyTo(Scene scene, String baseStylesheet) {
        List<String> sheets = new ArrayList<>();
        sheets.add(baseStylesheet);
        effectiveTheme().stylesheet().ifPresent(sheets::add);
        if (presenter.get()) {
            sheets.add(PRESENTER_STYLESHEET);
        }
        scene.getStylesheets().setAll(sheets.stream().map(this::externalForm).toList());
        scene.getRoot().pseudoClassStateChanged(PRESENTER, presenter.get());
    }

    private String externalForm(String resource) {
        return getClass().getResource(resource).toExternalForm();
    }

    private static Theme storedTheme(Preferences preferences) {
        String stored = preferences.get(THEME_KEY, Theme.LIGHT.name());
        try {
            return Theme.valueOf(stored);
        } catch (IllegalArgumentException unknown) {
            LOG.warn("Ignoring unknown theme {} in the preferences", stored);
            return Theme.LIGHT;
        }
    }
}
