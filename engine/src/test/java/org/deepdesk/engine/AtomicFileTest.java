package org.deepdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path folder;

    @Test
    void writeReplacesContent() throws IOException {
        Path target = folder.resolve("lesson.deepdesk");
        Files.writeString(target, "old");

        AtomicFile.write(target, output -> output.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void staleTemporaryFilesOfTargetAreDeleted() throws IOException {
        Path target = folder.resolve("lesson [1].deepdesk");
        Path stale = part("lesson [1].deepdesk", "1111", AtomicFile.STALE_AFTER.plusMinutes(1).toSeconds());
        Path fresh = part("lesson [1].deepdesk", "2222", 5);
        Path otherTarget = part("other.deepdesk", "3333", AtomicFile.STALE_AFTER.plusMinutes(1).toSeconds());

        AtomicFile.write(target, output -> output.write(1));

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(otherTarget).exists();
    }

    @Test
    void failedWriteLeavesTargetAndNoTemporaryFile() throws IOException {
        Path target = folder.resolve("model.ddmodel");
        Files.writeString(target, "previous");

        try {
            AtomicFile.write(target, output -> {
                output.write(1);
                throw new IOException("disk full");
            });
        } catch (IOException expected) {
            // The target must be as it was.
        }

        assertThat(Files.readString(target)).isEqualTo("previous");
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("model.ddmodel");
        }
    }

    /** Creates a temporary file as a killed save of {@code targetName} leaves it, {@code ageSeconds} old. */
    private Path part(String targetName, String id, long ageSeconds) throws IOException {
        Path part = Files.writeString(folder.resolve("." + targetName + "." + id + ".part"), "partial");
        Files.setLastModifiedTime(part, FileTime.from(Instant.now().minusSeconds(ageSeconds)));
        return part;
    }
}
