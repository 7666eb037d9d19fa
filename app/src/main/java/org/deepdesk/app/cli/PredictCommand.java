package org.deepdesk.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.preprocess.DigitPreprocessor;
import org.deepdesk.engine.preprocess.GrayImage;
import org.deepdesk.engine.preprocess.PreparedDigit;
import org.deepdesk.engine.spec.ImageShape;
import org.deepdesk.engine.interop.keras.KerasImport;
import org.deepdesk.engine.train.ModelStore;
import org.deepdesk.engine.train.TrainableNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code deepdesk predict}: classifies a picture of one digit with a saved model, after the same
 * preprocessing as the Draw view.
 */
@Command(name = "predict", sortOptions = false,
        exitCodeOnInvalidInput = ExitCodes.BAD_INPUT, exitCodeOnExecutionException = ExitCodes.BAD_INPUT)
final class PredictCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PredictCommand.class);

    private static final int BAR_WIDTH = 40;

    @ParentCommand
    private DeepDeskCli cli;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", descriptionKey = "cli.option.image")
    private Path imageFile;

    @Option(names = "--model", required = true, paramLabel = "FILE", descriptionKey = "cli.option.model")
    private Path modelFile;

    @Override
    public Integer call() {
        Console console = cli.console(spec);
        for (Path file : new Path[] {imageFile, modelFile}) {
            if (!Files.isRegularFile(file)) {
                console.error("cli.error.fileNotFound", file);
                return ExitCodes.BAD_INPUT;
            }
        }

        Optional<GrayImage> drawing;
        try {
            drawing = InkReader.read(imageFile);
        } catch (IOException failed) {
            console.error("cli.error.fileUnreadable", imageFile, failed.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (drawing.isEmpty()) {
            console.error("cli.error.notImage", imageFile);
            return ExitCodes.BAD_INPUT;
        }
        Optional<PreparedDigit> digit = DigitPreprocessor.prepare(drawing.get());
        if (digit.isEmpty()) {
            console.error("cli.error.noDigit", imageFile);
            return ExitCodes.BAD_INPUT;
        }

        TrainableNetwork network;
        try {
            // A Keras model is imported on the fly, so a student can try one trained in TensorFlow on their own digit.
            if (KerasImport.isKerasFile(modelFile.getFileName().toString())) {
                network = KerasImport.importModel(modelFile).network();
            } else {
                network = ModelStore.load(modelFile);
            }
        } catch (EngineException failed) {
            LOG.debug("Loading the model {} failed", modelFile, failed);
            console.error(failed.userMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (!network.spec().input().equals(ImageShape.MNIST)) {
            console.error("cli.error.modelInput", modelFile, network.spec().input(), ImageShape.MNIST);
            return ExitCodes.BAD_INPUT;
        }

        printPrediction(network.predict(digit.get().pixels()), console);
        return ExitCodes.OK;
    }

    private static void printPrediction(float[] probabilities, Console console) {
        int best = 0;
        for (int digit = 1; digit < probabilities.length; digit++) {
            if (probabilities[digit] > probabilities[best]) {
                best = digit;
            }
        }
        console.println("cli.predict.digit", best, probabilities[best]);

        for (int digit = 0; digit < probabilities.length; digit++) {
            String bar = "#".repeat(Math.round(probabilities[digit] * BAR_WIDTH));
            console.println("cli.predict.probability", digit, probabilities[digit], bar);
        }
    }
}
