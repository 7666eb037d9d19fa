package org.deepdesk.engine.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.project.ProjectFile;
import org.deepdesk.engine.project.ProjectStore;
import org.deepdesk.engine.spec.ShapeInference;
import org.deepdesk.engine.train.TrainableNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Feeds arbitrary bytes to {@link ProjectStore#load} as a project file, summarizes the stack of
 * whatever loads and predicts with its trained network. Any outcome other than a usable project
 * or an {@link EngineException} naming the file is a finding. Seeds: the version 1 project fixtures.
 */
class ProjectStoreFuzzTest {

    private static final String FILE_NAME = "fuzz" + ProjectStore.EXTENSION;

    private static Path folder;

    @BeforeAll
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("project-fuzz");
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        FuzzFiles.deleteTree(folder);
    }

    @FuzzTest(maxDuration = "60s")
    void loadProject(byte[] content) throws IOException {
        Path file = Files.write(folder.resolve(FILE_NAME), content);
        ProjectFile project;
        try {
            project = ProjectStore.load(file);
        } catch (EngineException expected) {
            FuzzFiles.check(expected.userMessage().arguments().contains(FILE_NAME), "the message does not name the file");
            return;
        }

        // The stack may be one that cannot work; shape inference must say so rather than throw.
        ShapeInference.summarize(project.network(), 10);
        if (project.trained().isPresent()) {
            TrainableNetwork network = project.trained().get();
            float[] probabilities = network.predict(new float[(int) network.spec().input().size()]);
            FuzzFiles.check(probabilities.length == network.classCount(), "one probability per class");
        }
    }
}
