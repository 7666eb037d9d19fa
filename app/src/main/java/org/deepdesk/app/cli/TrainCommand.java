package org.deepdesk.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.deepdesk.engine.EngineException;
import org.deepdesk.engine.data.ImageDataset;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.data.MnistSplit;
import org.deepdesk.engine.data.SampleData;
import org.deepdesk.engine.eval.Evaluation;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.TrainingSettings;
import org.deepdesk.engine.train.ModelStore;
import org.deepdesk.engine.train.StopSignal;
import org.deepdesk.engine.train.TrainableNetwork;
import org.deepdesk.engine.train.Trainer;
import org.deepdesk.engine.train.TrainingEvent.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code deepdesk train}: trains a network on MNIST, reports each epoch, evaluates it on the
 * MNIST test split and optionally saves it.
 */
@Command(name = "train", sortOptions = false,
        exitCodeOnInvalidInput = ExitCodes.BAD_INPUT, exitCodeOnExecutionException = ExitCodes.BAD_INPUT)
final class TrainCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

    @ParentCommand
    private DeepDeskCli cli;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private NetworkSource network;

    @Mixin
    private SettingsOptions settingsOptions;

    @Option(names = "--data", paramLabel = "FOLDER", descriptionKey = "cli.option.data")
    private Path dataFolder;

    @Option(names = "--output", paramLabel = "FILE", descriptionKey = "cli.option.output")
    private Path output;

    @Override
    public Integer call() {
        Console console = cli.console(spec);
        Optional<NetworkDocument> document = network.load(console);
        if (document.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        NetworkSpec networkSpec = document.get().network();
        if (SummaryCommand.printSummary(networkSpec, console) != ExitCodes.OK) {
            return ExitCodes.INVALID_NETWORK;
        }

        Optional<Path> folder = mnistFolder(console);
        if (folder.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        TrainingSettings settings = settingsOptions.applyTo(document.get().training());

        try {
            ImageDataset trainingSet = MnistLoader.load(folder.get(), MnistSplit.TRAIN);
            ImageDataset testSet = MnistLoader.load(folder.get(), MnistSplit.TEST);
            console.println("cli.train.data", folder.get(), trainingSet.size(), testSet.size());

            TrainableNetwork trainable = TrainableNetwork.create(networkSpec, settings, MnistLoader.CLASS_COUNT);
            return train(trainable, trainingSet, testSet, settings, console);
        } catch (EngineException failed) {
            LOG.debug("Training {} failed", networkSpec.name(), failed);
            console.error(failed.userMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    private Optional<Path> mnistFolder(Console console) {
        if (dataFolder != null) {
            return Optional.of(dataFolder);
        }
        Optional<Path> bundled = SampleData.locateMnist();
        if (bundled.isEmpty()) {
            console.error("cli.error.noMnist", SampleData.ENVIRONMENT_VARIABLE);
        }
        return bundled;
    }

    private int train(TrainableNetwork trainable, ImageDataset trainingSet, ImageDataset testSet,
            TrainingSettings settings, Console console) {
        StopSignal stop = new StopSignal();
        ProgressPrinter progress = new ProgressPrinter(console, settings.epochs());

        // The save stays inside the block, so Ctrl-C waits for it before the JVM exits.
        try (StopOnShutdown stopOnShutdown = StopOnShutdown.install(stop)) {
            Outcome outcome = Trainer.run(trainable, trainingSet, settings, progress, stop);
            if (outcome == Outcome.DIVERGED) {
                console.error("cli.train.diverged", settings.learningRate() / 10);
                return ExitCodes.BAD_INPUT;
            }

            if (outcome == Outcome.STOPPED) {
                int completed = progress.runEnd().map(end -> end.epochsCompleted()).orElse(0);
                console.println("cli.train.stopped", completed, settings.epochs());
            } else {
                Evaluation evaluation = trainable.evaluate(testSet);
                console.println("cli.train.testAccuracy", evaluation.accuracy(), evaluation.sampleCount(), evaluation.meanLoss());
            }
            progress.runEnd().ifPresent(end -> console.println("cli.train.elapsed",
                    end.elapsed().toMillis() / 1000.0, progress.samplesPerSecond().orElse(0.0)));

            if (output != null) {
                ModelStore.save(trainable, output);
                console.println("cli.train.saved", output.toAbsolutePath());
            }
            return ExitCodes.OK;
        }
    }
}
