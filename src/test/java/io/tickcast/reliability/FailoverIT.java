package io.tickcast.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickcast.chaos.AuditResult;
import io.tickcast.chaos.ChaosTicks;
import io.tickcast.chaos.KafkaProgress;
import io.tickcast.chaos.PointKey;
import io.tickcast.chaos.PredictionAudit;
import io.tickcast.chaos.ReferenceRun;
import io.tickcast.chaos.RunConfig;
import io.tickcast.chaos.TickFeed;
import io.tickcast.chaos.TickcastInstance;
import io.tickcast.service.PipelineSettingsMapper;
import io.tickcast.testing.KafkaBroker;
import io.tickcast.testing.KafkaBrokerExtension;
import io.tickcast.testing.TopicConfigs;
import io.tickcast.tick.Tick;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances share the symbols; one is SIGKILLed and not restarted. Its symbols move to the other, which goes on
 * from their state: every model version continues where it stopped (no restart from 0, no gap, no duplicate), and
 * every prediction is the uninterrupted run's. The ticks carry trade ids, and the feed sends the moved symbols' last
 * trades again after the kill, as a feed does after a reconnect: the survivor knows them from the changelogs and
 * rejects every one as a duplicate.
 */
@ExtendWith(KafkaBrokerExtension.class)
class FailoverIT {

    private static final Duration START = Duration.ofMinutes(3);
    /** Ticks of a symbol are a minute apart: this tolerance lets the last few come again. */
    private static final Map<String, String> SETTINGS = Map.of("tick.max.lateness", "10m");
    private static final int RESENT_PER_SYMBOL = 3;
    private static final Pattern DUPLICATES = Pattern.compile(
            "tickcast_ticks_rejected_total\\{reason=\"DUPLICATE\"} ([0-9.]+)");

    @TempDir
    Path dir;

    @Test
    void shouldMoveTheSymbolsOfAKilledInstanceToTheOtherWhichContinuesTheirModels(KafkaBroker broker) throws Exception {
        RunConfig run = RunConfig.write(dir, broker.bootstrapServers(), 4, SETTINGS);
        run.createTopics();
        List<Tick> ticks = withIds(ChaosTicks.fromBundledData(8, 2_400));
        List<Tick> beforeKill = ticks.subList(0, 1_200);
        Set<String> movedSymbols;
        List<Tick> resent;
        List<ObjectNode> predictions;
        try (TickcastInstance victim = new TickcastInstance("victim", dir, run.runArgs());
             TickcastInstance survivor = new TickcastInstance("survivor", dir, run.runArgs());
             KafkaProgress kafka = new KafkaProgress(broker.bootstrapServers())) {
            victim.start();
            survivor.start();
            Instances.awaitReady(START, victim, survivor);
            publish(broker, run, beforeKill);
            Instances.awaitCommitted(kafka, run, Duration.ofMinutes(2));
            movedSymbols = Instances.symbolsPredictedBy(victim);
            Set<String> keptSymbols = Instances.symbolsPredictedBy(survivor);
            assertThat(movedSymbols).as("the victim's symbols").isNotEmpty().doesNotContainAnyElementsOf(keptSymbols);

            victim.kill();
            resent = lastTicks(beforeKill, movedSymbols);
            publish(broker, run, resent);
            publish(broker, run, ticks.subList(beforeKill.size(), ticks.size()));
            Instances.awaitCommitted(kafka, run, Duration.ofMinutes(2));

            assertThat(duplicatesRejected(survivor)).as("the moved symbols' trades sent again after the kill")
                    .isEqualTo(resent.size());
            assertThat(TopicConfigs.of(broker, run.applicationId() + "-trade-ids-changelog"))
                    .as("compacted, in segments the cleaner can compact every 10 minutes, deletions kept a minute")
                    .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                    .containsEntry(TopicConfig.SEGMENT_MS_CONFIG, "600000")
                    .containsEntry(TopicConfig.DELETE_RETENTION_MS_CONFIG, "60000");

            assertThat(Instances.symbolsPredictedBy(survivor)).as("the survivor took the victim's symbols over")
                    .containsAll(movedSymbols).containsAll(keptSymbols);
            predictions = kafka.readPredictions(run.predictionsTopic(), Duration.ofMinutes(1));
        }
        List<Tick> published = new ArrayList<>(beforeKill);
        published.addAll(resent);
        published.addAll(ticks.subList(beforeKill.size(), ticks.size()));
        Map<PointKey, ObjectNode> reference = ReferenceRun.predict(PipelineSettingsMapper.pipelines(run.config()),
                published, run.config());
        assertThat(reference).as("the reference run rejects the same trades").hasSize(ticks.size());
        AuditResult audit = PredictionAudit.audit(predictions, reference);
        assertThat(audit.examples()).isEmpty();
        assertThat(audit.bitExact()).isEqualTo(ticks.size());
        Set<PointKey> publishedBeforeKill = beforeKill.stream().map(t -> new PointKey(t.symbol(), t.ts()))
                .collect(Collectors.toSet());
        for (String symbol : movedSymbols) {
            assertVersionsContinue(symbol, predictions, reference, publishedBeforeKill);
        }
    }

    private static List<Tick> withIds(List<Tick> ticks) {
        List<Tick> out = new ArrayList<>(ticks.size());
        for (int i = 0; i < ticks.size(); i++) {
            Tick t = ticks.get(i);
            out.add(new Tick(t.symbol(), t.ts(), t.price(), t.size(), Integer.toString(1_000_000 + i)));
        }
        return out;
    }

    /** The last {@value #RESENT_PER_SYMBOL} ticks of each of {@code symbols}, in their order. */
    private static List<Tick> lastTicks(List<Tick> ticks, Set<String> symbols) {
        Map<String, Deque<Tick>> last = new HashMap<>();
        for (Tick t : ticks) {
            if (symbols.contains(t.symbol())) {
                Deque<Tick> q = last.computeIfAbsent(t.symbol(), s -> new ArrayDeque<>());
                q.addLast(t);
                if (q.size() > RESENT_PER_SYMBOL) {
                    q.removeFirst();
                }
            }
        }
        List<Tick> out = new ArrayList<>();
        last.values().forEach(out::addAll);
        return out;
    }

    private static double duplicatesRejected(TickcastInstance instance) throws IOException, InterruptedException {
        Matcher m = DUPLICATES.matcher(instance.get("/metrics"));
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static PointKey key(ObjectNode prediction) {
        return new PointKey(prediction.path("symbol").asText(), prediction.path("ts").asLong());
    }

    private static void publish(KafkaBroker broker, RunConfig run, List<Tick> ticks) throws InterruptedException {
        try (TickFeed feed = TickFeed.start(broker.bootstrapServers(), run.ticksTopic(), ticks, 400)) {
            assertThat(feed.await(Duration.ofMinutes(1))).isTrue();
            assertThat(feed.acknowledged()).isEqualTo(ticks.size());
        }
    }

    /** The model versions of a moved symbol: those of the uninterrupted run, one update per point across the kill. */
    private static void assertVersionsContinue(String symbol, List<ObjectNode> predictions,
                                               Map<PointKey, ObjectNode> reference,
                                               Set<PointKey> publishedBeforeKill) {
        List<ObjectNode> ofSymbol = predictions.stream().filter(p -> p.path("symbol").asText().equals(symbol))
                .sorted(Comparator.comparingLong(p -> p.path("ts").asLong())).toList();
        List<Long> versions = ofSymbol.stream().map(p -> p.path("model_version").asLong()).toList();
        List<Long> expected = ofSymbol.stream().map(p -> reference.get(new PointKey(symbol, p.path("ts").asLong()))
                .path("model_version").asLong()).toList();
        assertThat(versions).as("model versions of %s", symbol).isEqualTo(expected).isSorted();
        ObjectNode lastBefore = ofSymbol.stream().filter(p -> publishedBeforeKill.contains(key(p)))
                .reduce((a, b) -> b).orElseThrow();
        ObjectNode firstAfter = ofSymbol.stream().filter(p -> !publishedBeforeKill.contains(key(p)))
                .findFirst().orElseThrow();
        assertThat(firstAfter.path("model_version").asLong()).as("%s continues after the failover", symbol)
                .isEqualTo(lastBefore.path("model_version").asLong() + 1);
    }
}
