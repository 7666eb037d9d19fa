package org.deepdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {

    /** A Dense layer directly on the 28x28x1 image, which shape inference rejects because Flatten is missing. */
    static final String DENSE_WITHOUT_FLATTEN = """
            {
              "format": "deepdesk-network",
              "version": 1,
              "network": {
                "name": "No flatten",
                "input": { "height": 28, "width": 28, "channels": 1 },
                "layers": [ { "type": "Dense", "units": 10, "activation": "SOFTMAX" } ]
              }
            }
            """;

    @TempDir
    Path folder;

    @Test
    void referenceCnnTotal() {
        CliRun run = CliRun.run("summary", "--preset", "reference-cnn");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Total parameters: 93,322");
        assertThat(run.out()).containsPattern("(?m)^1  Conv2D +26x26x32 +320$");
        assertThat(run.out()).containsPattern("(?m)^8  Dense +10 +650$");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void referenceCnnInChinese() {
        CliRun run = CliRun.run(Locale.SIMPLIFIED_CHINESE, "summary", "--preset", "reference-cnn");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("参数总数：93,322");
        assertThat(run.out()).contains("输出形状");
    }

    @Test
    void invalidSpecExitsTwo() throws IOException {
        Path spec = Files.writeString(folder.resolve("no-flatten.json"), DENSE_WITHOUT_FLATTEN);

        CliRun run = CliRun.run("summary", "--spec", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_NETWORK);
        assertThat(run.out()).contains("Dense");
        assertThat(run.err()).contains("No flatten cannot be trained");
        assertThat(run.err()).contains("Add a Flatten layer before it");
    }

    @Test
    void unknownPresetExitsOne() {
        CliRun run = CliRun.run("summary", "--preset", "resnet");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("no preset named resnet");
        assertThat(run.err()).contains("reference-cnn, lenet5, mlp, softmax-regression");
    }

    @Test
    void missingSpecFileExitsOne() {
        Path missing = folder.resolve("missing.json");

        CliRun run = CliRun.run("summary", "--spec", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(missing.toString());
        assertThat(run.err()).contains("does not exist");
    }

    @Test
    void brokenJsonExitsOne() throws IOException {
        Path spec = Files.writeString(folder.resolve("broken.json"), "{ \"format\": ");

        CliRun run = CliRun.run("summary", "--spec", spec.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("broken.json is not valid JSON");
    }

    @Test
    void presetAndSpecTogetherExitOne() {
        CliRun run = CliRun.run("summary", "--preset", "mlp", "--spec", "mlp.json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("mutually exclusive");
        assertThat(run.err()).contains("Run deepdesk summary --help");
    }

    @Test
    void noCommandExitsOne() {
        CliRun run = CliRun.run();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("Missing command");
    }
}
