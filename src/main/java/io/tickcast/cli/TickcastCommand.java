package io.tickcast.cli;

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

    /** @return the command line as {@code ./tickcast} runs it (tests run it the same way) */
    public static CommandLine commandLine() {
        return new CommandLine(new TickcastCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
