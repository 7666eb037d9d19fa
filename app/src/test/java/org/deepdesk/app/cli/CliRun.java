package org.deepdesk.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import picocli.CommandLine;

/** The exit code and the captured output of one in-process command-line run. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... arguments) {
        return run(Locale.ENGLISH, arguments);
    }

    static CliRun run(Locale locale, String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = DeepDeskCli.commandLine(locale);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
