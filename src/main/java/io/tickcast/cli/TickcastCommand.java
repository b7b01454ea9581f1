package io.tickcast.cli;

import io.tickcast.service.KafkaUnreachableException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tickcast} command: only wires the subcommands. */
@Command(name = "tickcast", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Online LSTM forecasting of price ticks on Kafka Streams: test-then-train on every point.",
        subcommands = {DemoCommand.class, RunCommand.class, ReplayCommand.class, BrokerCommand.class,
                BenchCommand.class, BenchWorkerCommand.class, BacktestCommand.class, ChaosCommand.class, CommandLine.HelpCommand.class})
public final class TickcastCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * @return the command line as {@code ./tickcast} runs it (tests run it the same way): a bad configuration value
     * ends the command with its message, which names the key, and exit code 2, as a bad flag does; a Kafka that does
     * not answer at start with its message and exit code 1; any other failure with its stack trace and exit code 1
     */
    public static CommandLine commandLine() {
        return new CommandLine(new TickcastCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    if (!(e instanceof ConfigException) && !(e instanceof KafkaUnreachableException)) {
                        throw e;
                    }
                    line.getErr().println(line.getColorScheme().errorText("tickcast " + line.getCommandName() + ": "
                            + e.getMessage()));
                    line.getErr().flush();
                    return e instanceof ConfigException ? line.getCommandSpec().exitCodeOnInvalidInput()
                            : line.getCommandSpec().exitCodeOnExecutionException();
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
