package io.tickcast.cli;

import io.tickcast.broker.EmbeddedBroker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tickcast broker}: the embedded Kafka broker alone, until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a real, single-node Kafka broker (KRaft) in this process until Ctrl-C.",
            "For trying tickcast and your own Kafka clients (kcat, kafka-console-consumer) against it."})
public final class BrokerCommand implements Callable<Integer> {

    private static final long CLOSE_TIMEOUT_S = 30;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-p", "--port"}, defaultValue = "" + EmbeddedBroker.DEFAULT_PORT,
            description = "Client port on localhost; 0 = any free port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the broker's data here, across runs (default: a temporary directory deleted on exit)")
    Path dataDir;

    @Option(names = "--topic", paramLabel = "NAME",
            description = "Create this topic at start (repeatable); topics are also created on first use")
    List<String> topics = new ArrayList<>();

    @Option(names = "--partitions", defaultValue = "4",
            description = "Partitions of the topics created with --topic (default: ${DEFAULT-VALUE})")
    int partitions;

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, was " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        EmbeddedBroker.Builder builder = EmbeddedBroker.builder().port(port);
        if (dataDir != null) {
            builder.dataDir(dataDir);
        }
        try (ShutdownSignal ctrlC = new ShutdownSignal(stop::countDown);
             EmbeddedBroker broker = builder.start()) {
            if (!topics.isEmpty()) {
                broker.createTopics(partitions, topics.toArray(String[]::new));
            }
            out.printf("Kafka broker (KRaft, in-process) ready at %s%n", broker.bootstrapServers());
            out.printf("  data: %s%s%n", broker.dataDir(), dataDir == null ? " (deleted on exit)" : "");
            if (!topics.isEmpty()) {
                out.printf("  topics: %s (%d partitions each)%n", String.join(", ", topics), partitions);
            }
            out.printf("  try: kcat -b %s -L%n", broker.bootstrapServers());
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stop.await();
            out.println("Stopping the broker...");
            out.flush();
        }
        return 0;
    }

    /** Makes {@link #call()} stop the broker and return, as Ctrl-C does. */
    void requestStop() {
        stop.countDown();
    }
}
