package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BrokerCommandIT {

    private static final Pattern READY = Pattern.compile("ready at (localhost:\\d+)");

    @Test
    void shouldServeClientsAtThePrintedAddressUntilStopped() throws Exception {
        BrokerCommand command = new BrokerCommand();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cli.execute("--port", "0", "--topic", "ticks", "--partitions", "2"));

        await().atMost(Duration.ofSeconds(120)).until(() -> READY.matcher(out.toString()).find() || exit.isDone());
        Matcher ready = READY.matcher(out.toString());
        assertThat(ready.find()).as(out.toString()).isTrue();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", ready.group(1)))) {
            assertThat(admin.describeTopics(java.util.List.of("ticks")).allTopicNames().get().get("ticks").partitions())
                    .hasSize(2);
        }

        command.requestStop();
        assertThat(exit.get(60, java.util.concurrent.TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("kcat -b " + ready.group(1));
    }
}
