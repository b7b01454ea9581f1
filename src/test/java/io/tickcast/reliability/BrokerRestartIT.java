package io.tickcast.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickcast.chaos.AuditResult;
import io.tickcast.chaos.ChaosTicks;
import io.tickcast.chaos.KafkaProgress;
import io.tickcast.chaos.PredictionAudit;
import io.tickcast.chaos.ReferenceRun;
import io.tickcast.chaos.RunConfig;
import io.tickcast.chaos.TickFeed;
import io.tickcast.chaos.TickcastInstance;
import io.tickcast.service.PipelineSettingsMapper;
import io.tickcast.testing.KafkaBroker;
import io.tickcast.testing.KafkaBrokerExtension;
import io.tickcast.tick.Tick;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker is stopped and started again under a running tickcast while ticks flow: tickcast recovers by itself (same
 * process, no restart), loses and duplicates nothing, and its metrics say what happened: the stream thread's consumer
 * and producer lost their connections and made new ones. (Its log says nothing yet: see RELIABILITY.md.)
 */
class BrokerRestartIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.perClassRestartable();

    private static final int DOWNTIME_SECONDS = 15;
    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);

    @TempDir
    Path dir;

    @Test
    void shouldRecoverByItselfAndLoseNothingWhenTheBrokerRestartsUnderIt() throws Exception {
        KafkaBroker broker = KAFKA.broker();
        assertThat(broker.supportsRestart()).as(broker.kind() + " broker supports restarts").isTrue();
        RunConfig run = RunConfig.write(dir, broker.bootstrapServers(), 4, Map.of());
        run.createTopics();
        List<Tick> ticks = ChaosTicks.fromBundledData(4, 4_000);
        List<ObjectNode> predictions;
        String metricsBefore;
        String metricsAfter;
        try (TickcastInstance tickcast = new TickcastInstance("tickcast", dir, run.runArgs());
             KafkaProgress kafka = new KafkaProgress(broker.bootstrapServers())) {
            tickcast.start();
            try {
                Instances.awaitReady(Duration.ofMinutes(3), tickcast);
            try (TickFeed feed = TickFeed.start(broker.bootstrapServers(), run.ticksTopic(), ticks, 100)) {
                awaitPublished(feed, 1_000);
                metricsBefore = tickcast.get("/metrics");
                broker.stop();
                LOG.info("broker stopped at {} ticks published", feed.published());
                TimeUnit.SECONDS.sleep(DOWNTIME_SECONDS); // the fault lasts this long: not a wait for a result
                broker.start();
                LOG.info("broker started again at {} ticks published", feed.published());
                assertThat(feed.await(Duration.ofMinutes(3))).isTrue();
                assertThat(feed.acknowledged()).as("ticks acknowledged").isEqualTo(ticks.size());
            }
            Instances.awaitCommitted(kafka, run, Duration.ofMinutes(3));
            predictions = kafka.readPredictions(run.predictionsTopic(), Duration.ofMinutes(1));
            assertThat(tickcast.isAlive()).as("still the same process").isTrue();
            assertThat(tickcast.starts()).isEqualTo(1);
            Instances.awaitReady(Duration.ofMinutes(1), tickcast);
            metricsAfter = tickcast.get("/metrics");
            } finally {
                LOG.info("tickcast's log (it says nothing about the outage yet: see RELIABILITY.md):\n{}",
                        Files.readString(tickcast.log()));
            }
        }
        AuditResult audit = PredictionAudit.audit(predictions,
                ReferenceRun.predict(PipelineSettingsMapper.pipelines(run.config()), ticks));
        assertThat(audit.examples()).isEmpty();
        assertThat(audit.bitExact()).isEqualTo(ticks.size());
        for (String client : List.of("consumer", "producer")) {
            String closed = "tickcast_kafka_" + client + "_connection_close_total";
            String created = "tickcast_kafka_" + client + "_connection_creation_total";
            assertThat(streamThreadValue(metricsAfter, closed, client)).as("%s: connections lost to the broker", closed)
                    .isGreaterThan(streamThreadValue(metricsBefore, closed, client));
            assertThat(streamThreadValue(metricsAfter, created, client)).as("%s: reconnected", created)
                    .isGreaterThan(streamThreadValue(metricsBefore, created, client));
        }
    }

    /**
     * @return the sum of a Kafka client meter over the stream threads' consumers or producers on /metrics (a thread
     *         replaced after a failure gets a new number)
     */
    private static double streamThreadValue(String metrics, String name, String client) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{client_id=\"[^\"]*-StreamThread-\\d+-" + client
                + "\"[^}]*} (\\S+)$").matcher(metrics);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            found = true;
        }
        assertThat(found).as("%s of the stream threads' %s on /metrics", name, client).isTrue();
        return sum;
    }

    private static void awaitPublished(TickFeed feed, long count) {
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> feed.published() >= count);
    }
}
