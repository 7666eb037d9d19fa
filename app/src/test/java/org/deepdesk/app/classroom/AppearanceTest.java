package org.deepdesk.app.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppearanceTest {

    private Preferences preferences;

    @BeforeEach
    void createNode() {
        preferences = Preferences.userRoot().node("org/deepdesk/test/" + UUID.randomUUID());
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        preferences.removeNode();
    }

    @Test
    void themeDefaultsToLight() {
        assertThat(new Appearance(preferences).themeProperty().get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void themeSurvivesRestart() {
        new Appearance(preferences).themeProperty().set(Theme.DARK);

        assertThat(new Appearance(preferences).themeProperty().get()).isEqualTo(Theme.DARK);
    }

    @Test
    void unknownStoredThemeFallsBack() {
        preferences.put(Appearance.THEME_KEY, "SEPIA");

        assertThat(new Appearance(preferences).themeProperty().get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void presenterForcesHighContrast() {
        Appearance appearance = new Appearance(preferences);
        appearance.themeProperty().set(Theme.DARK);
        appearance.presenterProperty().set(true);

        assertThat(appearance.effectiveTheme()).isEqualTo(Theme.HIGH_CONTRAST);
        assertThat(appearance.themeProperty().get()).isEqualTo(Theme.DARK);
    }

    @Test
    void everyThemeStylesheetExists() {
        for (Theme theme : Theme.values()) {
            theme.stylesheet().ifPresent(sheet -> assertThat(Appearance.class.getResource(sheet)).as(sheet).isNotNull());
        }
    }
}
