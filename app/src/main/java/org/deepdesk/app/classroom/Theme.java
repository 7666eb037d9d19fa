package org.deepdesk.app.classroom;

import java.util.Locale;
import java.util.Optional;

/** The colour themes. Each one adds a stylesheet on top of the base stylesheet, which is the light theme. */
public enum Theme {
    LIGHT(null),
    DARK("/org/deepdesk/ui/deepdesk-dark.css"),
    HIGH_CONTRAST("/org/deepdesk/ui/deepdesk-contrast.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** Returns the classpath resource of the extra stylesheet, empty for the light theme. */
    public Optional<String> stylesheet() {
        return Optional.ofNullable(stylesheet);
    }

    /** Returns the bundle key of the theme's menu name. */
    public String messageKey() {
        return "view.theme." + name().toLowerCase(Locale.ROOT);
    }
}
