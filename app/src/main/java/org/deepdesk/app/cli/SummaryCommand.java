package org.deepdesk.app.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.deepdesk.engine.data.MnistLoader;
import org.deepdesk.engine.spec.NetworkDocument;
import org.deepdesk.engine.spec.NetworkSpec;
import org.deepdesk.engine.spec.NetworkSummary;
import org.deepdesk.engine.spec.ShapeInference;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code deepdesk summary}: prints the layer table of a network without training it. */
@Command(name = "summary", sortOptions = false,
        exitCodeOnInvalidInput = ExitCodes.BAD_INPUT, exitCodeOnExecutionException = ExitCodes.BAD_INPUT)
final class SummaryCommand implements Callable<Integer> {

    @ParentCommand
    private DeepDeskCli cli;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private NetworkSource network;

    @Override
    public Integer call() {
        Console console = cli.console(spec);
        Optional<NetworkDocument> document = network.load(console);
        if (document.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        return printSummary(document.get().network(), console);
    }

    /**
     * Prints the layer table and, for a stack that cannot work, the first problem.
     *
     * @return {@link ExitCodes#OK}, or {@link ExitCodes#INVALID_NETWORK} when shape inference rejects the stack
     */
    static int printSummary(NetworkSpec network, Console console) {
        NetworkSummary summary = ShapeInference.summarize(network, MnistLoader.CLASS_COUNT);
        SummaryTable.print(network, summary, console);
        if (summary.isValid()) {
            return ExitCodes.OK;
        }
        String problem = console.messages().format(summary.firstProblem().orElseThrow());
        console.error("cli.error.invalidNetwork", network.name(), problem);
        return ExitCodes.INVALID_NETWORK;
    }
}
