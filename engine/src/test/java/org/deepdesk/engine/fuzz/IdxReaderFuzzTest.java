package org.deepdesk.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.IdxData;
import org.deepdesk.engine.data.IdxReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Feeds arbitrary bytes to {@link IdxReader} as a file. Any outcome other than data or an
 * {@link EngineException} is a finding. Seeds: a gzipped MNIST label file and a small raw image file.
 */
class IdxReaderFuzzTest {

    private static Path folder;

    @BeforeAll
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("idx-fuzz");
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        FuzzFiles.deleteTree(folder);
    }

    @FuzzTest(maxDuration = "60s")
    void readIdx(byte[] content) throws IOException {
        Path file = Files.write(folder.resolve("t10k-images-idx3-ubyte"), content);
        try {
            IdxData idx = IdxReader.read(file);
            FuzzFiles.check(idx.data().length == product(idx.dimensions()), "data length differs from the dimensions");
        } catch (EngineException expected) {
            FuzzFiles.check(expected.userMessage().arguments().contains(file), "the message does not name the file");
        }
    }

    private static long product(int[] dimensions) {
        long count = 1;
        for (int size : dimensions) {
            count *= size;
        }
        return count;
    }
}
