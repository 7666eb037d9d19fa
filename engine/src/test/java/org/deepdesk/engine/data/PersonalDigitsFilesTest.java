package org.deepdesk.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deepdesk.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDigitsFilesTest {

    @TempDir
    Path folder;

    @Test
    void saveThenLoadRoundTrips() {
        PersonalDigits digits = PersonalDigits.empty()
                .withDigit(PersonalDigitsTest.filled(0.25f), 2).withDigit(PersonalDigitsTest.filled(1f), 8);

        PersonalDigitsFiles.save(digits, folder);
        PersonalDigits loaded = PersonalDigitsFiles.load(folder);

        assertThat(loaded).isEqualTo(digits);
    }

    @Test
    void saveWritesMnistStyleIdx() {
        PersonalDigits digits = PersonalDigits.empty().withDigit(PersonalDigitsTest.filled(1f), 6);

        PersonalDigitsFiles.save(digits, folder.resolve("nested"));

        IdxData images = IdxReader.read(folder.resolve("nested").resolve(PersonalDigitsFiles.IMAGES_FILE));
        IdxData labels = IdxReader.read(folder.resolve("nested").resolve(PersonalDigitsFiles.LABELS_FILE));
        assertThat(images.describeDimensions()).isEqualTo("1x28x28");
        assertThat(labels.data()).containsExactly(6);
    }

    @Test
    void saveLeavesNoTemporaryFiles() throws IOException {
        PersonalDigits digits = PersonalDigits.empty().withDigit(PersonalDigitsTest.filled(1f), 1);

        PersonalDigitsFiles.save(digits, folder);
        PersonalDigitsFiles.save(digits.withDigit(PersonalDigitsTest.filled(0f), 0), folder);

        assertThat(fileNames()).containsExactlyInAnyOrder(PersonalDigitsFiles.IMAGES_FILE, PersonalDigitsFiles.LABELS_FILE);
    }

    @Test
    void backupWritesSubfolder() {
        PersonalDigits drawn = PersonalDigits.empty().withDigit(PersonalDigitsTest.filled(0.5f), 3);

        Path backup = PersonalDigitsFiles.backup(drawn, folder);

        assertThat(backup.getParent()).isEqualTo(folder);
        assertThat(backup.getFileName().toString()).startsWith(PersonalDigitsFiles.BACKUP_PREFIX);
        assertThat(PersonalDigitsFiles.load(backup)).isEqualTo(drawn);
        assertThat(PersonalDigitsFiles.load(folder).isEmpty()).isTrue();
    }

    @Test
    void saveOfNoDigitsDeletesFiles() throws IOException {
        PersonalDigitsFiles.save(PersonalDigits.empty().withDigit(PersonalDigitsTest.filled(1f), 1), folder);

        PersonalDigitsFiles.save(PersonalDigits.empty(), folder);

        assertThat(fileNames()).isEmpty();
        assertThat(PersonalDigitsFiles.load(folder).isEmpty()).isTrue();
    }

    @Test
    void loadOfEmptyFolderHasNoDigits() {
        assertThat(PersonalDigitsFiles.load(folder.resolve("absent")).size()).isZero();
    }

    @Test
    void loadWithoutLabelsNamesTheFile() throws IOException {
        PersonalDigitsFiles.save(PersonalDigits.empty().withDigit(PersonalDigitsTest.filled(1f), 1), folder);
        Files.delete(folder.resolve(PersonalDigitsFiles.LABELS_FILE));

        assertThatThrownBy(() -> PersonalDigitsFiles.load(folder))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(PersonalDigitsFiles.LABELS_FILE);
    }

    @Test
    void loadRejectsLabelAboveNine() {
        PersonalDigitsFiles.save(PersonalDigits.empty().withDigit(PersonalDigitsTest.filled(1f), 1), folder);
        IdxFixtures.write(folder, PersonalDigitsFiles.LABELS_FILE, IdxFixtures.gzip(IdxFixtures.idx(new int[] {1}, new byte[] {11})));

        assertThatThrownBy(() -> PersonalDigitsFiles.load(folder))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("11");
    }

    @Test
    void loadRejectsMismatchedCounts() {
        PersonalDigitsFiles.save(PersonalDigits.empty().withDigit(PersonalDigitsTest.filled(1f), 1), folder);
        IdxFixtures.write(folder, PersonalDigitsFiles.LABELS_FILE, IdxFixtures.gzip(IdxFixtures.idx(new int[] {2}, new byte[] {1, 2})));

        assertThatThrownBy(() -> PersonalDigitsFiles.load(folder))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining(PersonalDigitsFiles.IMAGES_FILE);
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
