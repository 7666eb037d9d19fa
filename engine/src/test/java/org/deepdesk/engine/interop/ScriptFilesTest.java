package org.deepdesk.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepdesk.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptFilesTest {

    @TempDir
    Path folder;

    @Test
    void writeReplacesExistingFile() throws IOException {
        Path target = Files.writeString(folder.resolve("model.py"), "old");

        ScriptFiles.write(target, "print('new')\n");

        assertEquals("print('new')\n", Files.readString(target));
        try (var entries = Files.list(folder)) {
            assertEquals(1, entries.count(), "no temporary file left");
        }
    }

    @Test
    void writeIntoMissingFolderFails() {
        Path target = folder.resolve("absent").resolve("model.py");

        EngineException failure = assertThrows(EngineException.class, () -> ScriptFiles.write(target, "x"));

        assertEquals("error.export.writeFailed", failure.userMessage().key());
    }
}
