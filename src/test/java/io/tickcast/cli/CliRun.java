package io.tickcast.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One {@code tickcast} command run in this JVM as {@code ./tickcast} runs it, with what it wrote to standard error.
 *
 * @param exit the exit code
 * @param err  standard error
 */
record CliRun(int exit, String err) {

    static CliRun of(String... args) {
        CommandLine line = TickcastCommand.commandLine();
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err));
        int exit = line.execute(args);
        return new CliRun(exit, err.toString());
    }
}
