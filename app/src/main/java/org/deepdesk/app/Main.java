package org.deepdesk.app;

import javafx.application.Application;

/**
 * Starts the JavaFX workbench. A separate launcher class lets the app run from a plain classpath,
 * where a main class that extends {@link Application} is refused by the JavaFX launcher check.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before any logger exists, because logback reads the folder once, when it starts.
        LogFolder.configure();
        Application.launch(DeepDeskApp.class, args);
    }
}
