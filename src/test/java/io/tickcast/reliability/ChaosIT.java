package io.tickcast.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.tickcast.chaos.ChaosOptions;
import io.tickcast.chaos.ChaosReport;
import io.tickcast.chaos.ChaosRun;
import io.tickcast.chaos.KillEvent;
import io.tickcast.testing.KafkaBroker;
import io.tickcast.testing.KafkaBrokerExtension;
import io.tickcast.testing.TopicConfigs;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash loop of {@code tickcast chaos}, small: tickcast instances as separate processes on a real broker, SIGKILLed
 * at seeded moments while ticks flow, and every committed prediction audited against an uninterrupted run. Seed 4
 * gives: a kill while processing followed by a restart with a wiped state directory (restore from the changelogs),
 * then kills 0.5 to 8 s after a start (while the JVM starts or the stores restore); with two instances, both are hit.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ChaosIT {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosIT.class);
    /** With 3 kills and a wipe probability of 0.4: see the class comment. */
    private static final long SEED = 4;

    @TempDir
    Path dir;

    @Test
    void shouldLoseDuplicateAndMismatchNothingWhenTheOnlyInstanceIsKilledRepeatedly(KafkaBroker broker) throws Exception {
        ChaosReport report = chaos(broker, 1);

        assertClean(report);
    }

    @Test
    void shouldLoseDuplicateAndMismatchNothingWhenEitherOfTwoInstancesIsKilledRepeatedly(KafkaBroker broker)
            throws Exception {
        ChaosReport report = chaos(broker, 2);

        assertClean(report);
        assertThat(report.kills()).extracting(KillEvent::instance).contains("tickcast-1", "tickcast-2");
    }

    @Test
    void shouldLoseDuplicateAndMismatchNoBarWhenTheOnlyInstanceOfABarServiceIsKilledRepeatedly(KafkaBroker broker)
            throws Exception {
        Set<String> earlierChangelogs = TopicConfigs.topicsEndingWith(broker, "-bars-changelog");
        ChaosReport report = chaos(broker, 1, Map.of("bar.interval", "5m", "bar.grace", "0s"), Duration.ofSeconds(20));

        assertClean(report, 150);
        assertThat(report.lateTicks()).as("ticks late for a bar another symbol had closed").isPositive();
        Set<String> changelogs = new HashSet<>(TopicConfigs.topicsEndingWith(broker, "-bars-changelog"));
        changelogs.removeAll(earlierChangelogs);
        assertThat(changelogs).as("this run's bars changelog").hasSize(1);
        assertThat(TopicConfigs.of(broker, changelogs.iterator().next()))
                .as("an in-memory store restores its whole changelog: kept for the bar, its grace and an hour, in"
                        + " segments the broker can delete every 10 minutes")
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofMinutes(5)
                        .plus(Duration.ofHours(1)).toMillis()))
                .containsEntry(TopicConfig.SEGMENT_MS_CONFIG, "600000");
    }

    private ChaosReport chaos(KafkaBroker broker, int instances) throws Exception {
        return chaos(broker, instances, Map.of(), Duration.ZERO);
    }

    private ChaosReport chaos(KafkaBroker broker, int instances, Map<String, String> settings, Duration jitter)
            throws Exception {
        ChaosOptions options = new ChaosOptions(instances, 3, 4, 8_000, 50, SEED, 0.4, 4, Duration.ofMinutes(3),
                settings, jitter);
        ChaosReport report = new ChaosRun(options, broker.bootstrapServers(), dir, LOG::info).run();
        LOG.info("\n{}", report.toText());
        return report;
    }

    private static void assertClean(ChaosReport report) {
        assertClean(report, 500);
    }

    /** @param minPoints fewest points the audit must cover: ticks, or closed bars (a fifth as many at 5 minutes) */
    private static void assertClean(ChaosReport report, int minPoints) {
        assertThat(report.kills()).hasSize(3);
        assertThat(report.wipedRestarts()).isEqualTo(1);
        assertThat(report.drained()).as("every input committed").isTrue();
        assertThat(report.audit().inputs()).isGreaterThan(minPoints);
        assertThat(report.audit().lost()).as("lost").isZero();
        assertThat(report.audit().duplicated()).as("duplicated").isZero();
        assertThat(report.audit().unexpected()).as("unexpected").isZero();
        assertThat(report.audit().mismatched()).as("mismatched").isZero();
        assertThat(report.audit().bitExact()).as("bit-exact").isEqualTo(report.audit().inputs());
        assertThat(report.unexpectedExits()).isZero();
        assertThat(report.passed()).isTrue();
    }
}
