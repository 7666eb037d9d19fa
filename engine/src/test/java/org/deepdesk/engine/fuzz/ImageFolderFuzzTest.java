package org.deepdesk.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageFolderSource;
import org.deepdesk.engine.data.LoadMonitor;
import org.deepdesk.engine.data.LoadedDataset;
import org.deepdesk.engine.spec.ImageShape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Feeds arbitrary bytes to {@link ImageFolderSource} as one image file among good ones. Every
 * file must end up loaded or listed as skipped, and nothing but an {@link EngineException} may
 * escape. Seeds: small PNG, JPEG and BMP images.
 */
class ImageFolderFuzzTest {

    private static Path folder;

    @BeforeAll
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("image-folder-fuzz");
        Files.createDirectories(folder.resolve("cats"));
        Files.createDirectories(folder.resolve("dogs"));
        // One readable image per class, so a skipped fuzz file leaves a dataset to check.
        Files.copy(ImageFolderFuzzTest.class.getResourceAsStream("ImageFolderFuzzTestInputs/readImageFolder/grey-5x5-png"),
                folder.resolve("dogs").resolve("good.png"));
        Files.copy(ImageFolderFuzzTest.class.getResourceAsStream("ImageFolderFuzzTestInputs/readImageFolder/rgb-12x9-png"),
                folder.resolve("cats").resolve("good.png"));
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        FuzzFiles.deleteTree(folder);
    }

    @FuzzTest(maxDuration = "60s")
    void readImageFolder(byte[] content) throws IOException {
        Files.write(folder.resolve("cats").resolve("fuzzed.png"), content);
        ImageFolderSource source = new ImageFolderSource(folder, new ImageShape(8, 8, 1), 64L * 1024 * 1024, 1);
        try {
            LoadedDataset loaded = source.load(LoadMonitor.NONE);
            int images = loaded.training().size() + loaded.test().size();
            FuzzFiles.check(images + loaded.report().skippedCount() == 3, "a file was neither loaded nor listed as skipped");
            FuzzFiles.check(images >= 2, "a good image was lost");
        } catch (EngineException expected) {
            FuzzFiles.check(expected.userMessage() != null, "the error has no message for the user");
        }
    }
}
