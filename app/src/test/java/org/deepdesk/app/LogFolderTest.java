package org.deepdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFolderTest {

    @Test
    void linuxUsesLocalShare() {
        Path folder = LogFolder.forSystem("Linux", "/home/ada", Map.of());

        assertThat(folder).isEqualTo(Path.of("/home/ada/.local/share/DeepDesk/logs"));
    }

    @Test
    void linuxHonoursXdgDataHome() {
        Path folder = LogFolder.forSystem("Linux", "/home/ada", Map.of("XDG_DATA_HOME", "/data/ada"));

        assertThat(folder).isEqualTo(Path.of("/data/ada/DeepDesk/logs"));
    }

    @Test
    void macUsesLibraryLogs() {
        Path folder = LogFolder.forSystem("Mac OS X", "/Users/ada", Map.of());

        assertThat(folder).isEqualTo(Path.of("/Users/ada/Library/Logs/DeepDesk"));
    }

    @Test
    void windowsUsesLocalAppData() {
        Path folder = LogFolder.forSystem("Windows 11", "/home/ada", Map.of("LOCALAPPDATA", "/appdata/local"));

        assertThat(folder).isEqualTo(Path.of("/appdata/local/DeepDesk/logs"));
    }

    @Test
    void windowsWithoutLocalAppData() {
        Path folder = LogFolder.forSystem("Windows 10", "/home/ada", Map.of());

        assertThat(folder).isEqualTo(Path.of("/home/ada/AppData/Local/DeepDesk/logs"));
    }
}
