package org.deepdesk.app.cli;

import java.io.PrintWriter;
import org.deepdesk.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Reports a command line that picocli cannot parse, and points to the help of that command. */
final class UsageErrorHandler implements IParameterExceptionHandler {

    private final Messages messages;

    UsageErrorHandler(Messages messages) {
        this.messages = messages;
    }

    @Override
    public int handleParseException(ParameterException invalid, String[] arguments) {
        CommandLine command = invalid.getCommandLine();
        PrintWriter err = command.getErr();

        // NOTE: picocli writes the detail (which option, which value) in English only.
        err.println(messages.format("cli.error.usage", invalid.getMessage(), command.getCommandSpec().qualifiedName()));
        UnmatchedArgumentException.printSuggestions(invalid, err);
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
