package org.deepdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {

    /** A probability line: the digit, the probability with four decimals, then its bar. */
    private static final Pattern PROBABILITY_LINE = Pattern.compile("(?m)^\\d  [01]\\.\\d{4}  #*$");

    @TempDir
    static Path folder;

    static Path model;

    @BeforeAll
    static void trainModel() {
        model = folder.resolve("softmax.ddmodel");
        CliRun training = CliRun.run("train", "--preset", "softmax-regression", "--epochs", "1", "--limit", "600",
                "--output", model.toString());
        assertThat(training.exitCode()).as(training.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void darkOnLightPrintsTenProbabilities() throws IOException {
        Path image = Digits.save(Digits.seven(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK), folder.resolve("dark.png"));

        CliRun run = CliRun.run("predict", image.toString(), "--model", model.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).containsPattern("(?m)^Predicted digit: \\d \\(\\d+\\.\\d%\\)$");
        assertThat(PROBABILITY_LINE.matcher(run.out()).results().count()).isEqualTo(10);
    }

    @Test
    void lightOnDarkPrintsTenProbabilities() throws IOException {
        Path image = Digits.save(Digits.seven(BufferedImage.TYPE_INT_RGB, Color.BLACK, Color.WHITE), folder.resolve("light.png"));

        CliRun run = CliRun.run("predict", image.toString(), "--model", model.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(PROBABILITY_LINE.matcher(run.out()).results().count()).isEqualTo(10);
    }

    @Test
    void kerasModelPredicts() throws IOException {
        Path image = Digits.save(Digits.seven(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK), folder.resolve("keras.png"));
        Path keras = Path.of("../engine/src/test/resources/org/deepdesk/engine/interop/keras/small-cnn.h5");

        CliRun run = CliRun.run("predict", image.toString(), "--model", keras.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(PROBABILITY_LINE.matcher(run.out()).results().count()).isEqualTo(10);
    }

    @Test
    void unsupportedKerasModelExitsOne() throws IOException {
        Path image = Digits.save(Digits.seven(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK), folder.resolve("keras-bad.png"));
        Path keras = Path.of("../engine/src/test/resources/org/deepdesk/engine/interop/keras/unsupported-layers.h5");

        CliRun run = CliRun.run("predict", image.toString(), "--model", keras.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("zero_padding2d");
    }

    @Test
    void blankImageExitsOne() throws IOException {
        Path image = Digits.save(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), folder.resolve("blank.png"));

        CliRun run = CliRun.run("predict", image.toString(), "--model", model.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("No digit found in " + image);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void textFileExitsOne() throws IOException {
        Path notImage = Files.writeString(folder.resolve("notes.png"), "not a picture");

        CliRun run = CliRun.run("predict", notImage.toString(), "--model", model.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(notImage + " is not an image");
    }

    @Test
    void missingModelExitsOne() throws IOException {
        Path image = Digits.save(Digits.seven(BufferedImage.TYPE_INT_RGB, Color.WHITE, Color.BLACK), folder.resolve("seven.png"));
        Path missing = folder.resolve("missing.ddmodel");

        CliRun run = CliRun.run("predict", image.toString(), "--model", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(missing + " does not exist");
    }

    @Test
    void missingModelOptionExitsOne() {
        CliRun run = CliRun.run("predict", "seven.png");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("--model");
    }
}
