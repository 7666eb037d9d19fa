package org.deepdesk.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.train.ModelStore;
import org.deepdesk.engine.train.TrainableNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Feeds arbitrary bytes to {@link ModelStore#load} as a model file, and predicts with whatever
 * loads. Any outcome other than a usable network or an {@link EngineException} is a finding.
 * Seed: the version 1 model fixture.
 */
class ModelStoreFuzzTest {

    private static final String FILE_NAME = "fuzz" + ModelStore.EXTENSION;

    private static Path folder;

    @BeforeAll
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("model-fuzz");
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        FuzzFiles.deleteTree(folder);
    }

    @FuzzTest(maxDuration = "60s")
    void loadModel(byte[] content) throws IOException {
        Path file = Files.write(folder.resolve(FILE_NAME), content);
        TrainableNetwork network;
        try {
            network = ModelStore.load(file);
        } catch (EngineException expected) {
            FuzzFiles.check(expected.userMessage().arguments().contains(FILE_NAME), "the message does not name the file");
            return;
        }

        float[] image = new float[(int) network.spec().input().size()];
        float[] probabilities = network.predict(image);
        FuzzFiles.check(probabilities.length == network.classCount(), "one probability per class");
    }
}
