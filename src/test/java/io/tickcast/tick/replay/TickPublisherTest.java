package io.tickcast.tick.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.tick.Tick;
import io.tickcast.tick.replay.PublishResult.StopCause;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TickPublisherTest {

    @Test
    void shouldStopAtTheFirstUndeliverableTick() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<Tick> ticks = LongStream.range(0, 20).mapToObj(i -> new Tick("BTC-USD", i, 1, Double.NaN)).toList();
        List<PublishProgress> progress = new ArrayList<>();
        try (TickPublisher publisher = TickPublisher.create("localhost:" + closedPort, "ticks", Map.of(
                "max.block.ms", 300, "request.timeout.ms", 300, "delivery.timeout.ms", 600, "linger.ms", 0))) {
            PublishResult result = publisher.publish(ticks.iterator(), PublishOptions.AS_FAST_AS_POSSIBLE, progress::add);

            // No broker: the first send waits max.block.ms for metadata that never comes, then fails at once (its
            // callback runs inside send, or send throws), so no other tick is in flight; one that went on sends 20.
            assertThat(result.cause()).isEqualTo(StopCause.FAILED);
            assertThat(result.acknowledged()).isZero();
            assertThat(result.failed()).as("ticks failed").isEqualTo(1);
            assertThat(result.sent()).as("ticks handed to the producer").isLessThanOrEqualTo(1);
            assertThat(result.firstFailure()).isNotNull();
        }
        assertThat(progress).isNotEmpty();
    }
}
