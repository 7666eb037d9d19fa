package org.deepdesk.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {

    @TempDir
    Path folder;

    @AfterEach
    void clearProperty() {
        System.clearProperty(SampleData.PROPERTY);
    }

    @Test
    void candidatesFollowDocumentedOrder() {
        Path app = folder.resolve("install").resolve("app");
        Path jar = folder.resolve("install").resolve("lib").resolve("engine.jar");

        List<Path> candidates = SampleData.candidates("/data/mnist", "env-mnist", app, jar);

        assertThat(candidates).startsWith(
                app.resolve("/data/mnist"),
                app.resolve("env-mnist"),
                app.resolve("sample-data/mnist"),
                folder.resolve("install/sample-data/mnist"),
                folder.resolve("install/lib/sample-data/mnist"));
        assertThat(candidates).endsWith(folder.getRoot().resolve("sample-data/mnist"));
        assertThat(candidates).doesNotHaveDuplicates();
    }

    @Test
    void candidatesSkipUnsetSettings() {
        List<Path> candidates = SampleData.candidates(null, " ", folder, null);

        assertThat(candidates).containsExactly(
                folder.resolve("sample-data/mnist"),
                folder.getParent().resolve("sample-data/mnist"));
    }

    @Test
    void propertyWins() {
        for (MnistSplit split : MnistSplit.values()) {
            IdxFixtures.write(folder, split.imagesFileName(), new byte[0]);
            IdxFixtures.write(folder, split.labelsFileName(), new byte[0]);
        }
        System.setProperty(SampleData.PROPERTY, folder.toString());

        assertThat(SampleData.locateMnist()).contains(folder.toAbsolutePath().normalize());
    }

    @Test
    void findsBundledFolder() {
        Path bundled = Path.of("..", "sample-data", "mnist").toAbsolutePath().normalize();

        assertThat(SampleData.locateMnist()).contains(bundled);
    }
}
