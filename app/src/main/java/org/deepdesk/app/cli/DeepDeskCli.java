package org.deepdesk.app.cli;

import java.util.Locale;
import org.deepdesk.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The headless command line: trains, summarizes and tries networks without the JavaFX
 * workbench. Text comes from the {@code messages} bundle, in English or Simplified Chinese.
 */
@Command(name = "deepdesk", resourceBundle = Messages.BUNDLE,
        subcommands = {TrainCommand.class, PredictCommand.class, SummaryCommand.class},
        exitCodeOnInvalidInput = ExitCodes.BAD_INPUT, exitCodeOnExecutionException = ExitCodes.BAD_INPUT)
public final class DeepDeskCli implements Runnable {

    /** The logback configuration, a classpath resource, used unless {@code -Dlogback.configurationFile} names another. */
    private static final String LOGGING_CONFIGURATION = "org/deepdesk/app/cli/logback-cli.xml";

    private final Messages messages;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            descriptionKey = "cli.option.help")
    private boolean helpRequested;

    /** Creates the command for the default locale, or English where DeepDesk has no translation. */
    public DeepDeskCli() {
        this(Messages.forLocale(Messages.supportedLocale(Locale.getDefault())));
    }

    private DeepDeskCli(Messages messages) {
        this.messages = messages;
    }

    /**
     * Creates the command line for a locale, with its help text and error messages in that
     * locale's language.
     */
    public static CommandLine commandLine(Locale locale) {
        Messages messages = Messages.forLocale(Messages.supportedLocale(locale));
        CommandLine commandLine = new CommandLine(new DeepDeskCli(messages));
        commandLine.setResourceBundle(messages.bundle());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler(messages));
        return commandLine;
    }

    public static void main(String[] args) {
        // Set before the first logger exists, so that logs go to standard error at WARN and the
        // progress line on standard output stays readable.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
        }
        int exitCode = commandLine(Locale.getDefault()).execute(args);
        System.exit(exitCode);
    }

    /** Without a subcommand there is nothing to do, so the usage error lists the subcommands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), messages.get("cli.error.noCommand"));
    }

    /** Returns the output streams of {@code command} with this command line's messages. */
    Console console(CommandSpec command) {
        CommandLine commandLine = command.commandLine();
        return new Console(messages, commandLine.getOut(), commandLine.getErr());
    }
}
