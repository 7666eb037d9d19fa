package org.deepdesk.engine.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.deepdesk.engine.EngineException;
import org.deepdesk.i18n.Message;

/** Writes exported scripts so that a failed write leaves any earlier file at the target intact. */
public final class ScriptFiles {

    private ScriptFiles() {
    }

    /**
     * Writes {@code text} as UTF-8 to a temporary file beside {@code target}, then moves it over
     * the target in one step.
     *
     * @throws EngineException when the folder cannot be written
     */
    public static void write(Path target, String text) {
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException failed) {
            deleteQuietly(temporary);
            throw new EngineException(Message.of("error.export.writeFailed", absolute), failed);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // The write already failed and is reported; a leftover .tmp file is harmless.
        }
    }
}
