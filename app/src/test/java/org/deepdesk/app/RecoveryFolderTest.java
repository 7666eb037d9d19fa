package org.deepdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoveryFolderTest {

    @Test
    void linuxUsesSiblingOfLogs() {
        assertThat(RecoveryFolder.forSystem("Linux", "/home/ada", Map.of()))
                .isEqualTo(Path.of("/home/ada/.local/share/DeepDesk/recovery"));
    }

    @Test
    void linuxHonoursXdgDataHome() {
        assertThat(RecoveryFolder.forSystem("Linux", "/home/ada", Map.of("XDG_DATA_HOME", "/data/ada")))
                .isEqualTo(Path.of("/data/ada/DeepDesk/recovery"));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertThat(RecoveryFolder.forSystem("Windows 11", "/home/ada", Map.of("LOCALAPPDATA", "/appdata/local")))
                .isEqualTo(Path.of("/appdata/local/DeepDesk/recovery"));
    }

    @Test
    void macUsesApplicationSupport() {
        // The log folder ~/Library/Logs/DeepDesk has no DeepDesk parent to put a sibling in.
        assertThat(RecoveryFolder.forSystem("Mac OS X", "/Users/ada", Map.of()))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/DeepDesk/recovery"));
    }
}
