package org.deepdesk.app.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HandwritingFolderTest {

    @Test
    void linuxUsesSiblingOfLogs() {
        Path logs = Path.of("/home/ada/.local/share/DeepDesk/logs");

        assertThat(HandwritingFolder.forSystem("Linux", "/home/ada", logs))
                .isEqualTo(Path.of("/home/ada/.local/share/DeepDesk/handwriting"));
    }

    @Test
    void windowsUsesSiblingOfLogs() {
        Path logs = Path.of("/users/ada/AppData/Local/DeepDesk/logs");

        assertThat(HandwritingFolder.forSystem("Windows 11", "/users/ada", logs))
                .isEqualTo(Path.of("/users/ada/AppData/Local/DeepDesk/handwriting"));
    }

    @Test
    void macUsesApplicationSupport() {
        Path logs = Path.of("/Users/ada/Library/Logs/DeepDesk");

        assertThat(HandwritingFolder.forSystem("Mac OS X", "/Users/ada", logs))
                .isEqualTo(Path.of("/Users/ada/Library/Application Support/DeepDesk/handwriting"));
    }
}
