package org.deepdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    static Path folder;

    static Path model;

    static CliRun run;

    /** Trains once on 600 images, about a second of training, for the checks below. */
    @BeforeAll
    static void trainSoftmaxRegression() {
        model = folder.resolve("softmax.ddmodel");
        run = CliRun.run("train", "--preset", "softmax-regression", "--epochs", "1", "--limit", "600",
                "--output", model.toString());
    }

    @Test
    void shortRunExitsZero() {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void shortRunPrintsSummary() {
        assertThat(run.out()).contains("Total parameters: 7,850");
    }

    @Test
    void shortRunPrintsEpochLine() {
        assertThat(run.out()).containsPattern("(?m)^Epoch 1/1: training loss \\d+\\.\\d{4}, accuracy \\d+\\.\\d{2}%, validation loss");
    }

    @Test
    void shortRunRewritesProgressLine() {
        assertThat(run.out()).contains("\rEpoch 1/1 [");
        assertThat(run.out()).contains("/9  loss ");
    }

    @Test
    void shortRunPrintsTestAccuracy() {
        assertThat(run.out()).containsPattern("(?m)^Test accuracy: \\d+\\.\\d{2}% on 10,000 MNIST test images");
        assertThat(run.out()).containsPattern("(?m)^Training took \\d+\\.\\d s at [\\d,]+ samples/s\\.$");
    }

    @Test
    void shortRunSavesModel() throws IOException {
        assertThat(model).isRegularFile();
        assertThat(Files.size(model)).isPositive();
        assertThat(run.out()).contains("Saved the model to " + model.toAbsolutePath());
    }

    @Test
    void invalidSpecExitsTwo() throws IOException {
        Path spec = Files.writeString(folder.resolve("no-flatten.json"), SummaryCommandTest.DENSE_WITHOUT_FLATTEN);

        CliRun invalid = CliRun.run("train", "--spec", spec.toString(), "--epochs", "1");

        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.INVALID_NETWORK);
        assertThat(invalid.err()).contains("Add a Flatten layer before it");
        assertThat(invalid.out()).doesNotContain("Test accuracy");
    }

    @Test
    void zeroEpochsExitsOne() {
        CliRun invalid = CliRun.run("train", "--preset", "softmax-regression", "--epochs", "0");

        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(invalid.err()).contains("Epochs is 0. Use at least 1.");
    }

    @Test
    void textEpochsExitsOne() {
        CliRun invalid = CliRun.run("train", "--preset", "softmax-regression", "--epochs", "many");

        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(invalid.err()).contains("--epochs");
        assertThat(invalid.err()).contains("'many'");
    }

    @Test
    void missingDataFolderExitsOne() {
        Path missing = folder.resolve("no-mnist-here");

        CliRun invalid = CliRun.run("train", "--preset", "softmax-regression", "--data", missing.toString());

        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(invalid.err()).contains(missing.toString());
        assertThat(invalid.err()).contains("does not exist");
    }
}
