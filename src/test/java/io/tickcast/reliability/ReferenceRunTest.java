package io.tickcast.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickcast.chaos.ChaosTicks;
import io.tickcast.chaos.PointKey;
import io.tickcast.chaos.ReferenceRun;
import io.tickcast.config.TickcastConfig;
import io.tickcast.service.PipelineSettingsMapper;
import io.tickcast.tick.Tick;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class ReferenceRunTest {

    private static final long FIVE_MINUTES = Duration.ofMinutes(5).toMillis();

    @Test
    void shouldStampTheTicksOfEverySymbolOnOneMinuteAxis() {
        List<Tick> ticks = ChaosTicks.fromBundledData(3, 30);

        for (int i = 3; i < ticks.size(); i++) {
            assertThat(ticks.get(i).ts() - ticks.get(i - 3).ts()).isEqualTo(60_000L);
        }
        assertThat(ticks.get(0).ts()).isEqualTo(ticks.get(1).ts()).isEqualTo(ticks.get(2).ts());
    }

    @Test
    void shouldKeepEachSymbolsJitteredTicksInOrderAndNearTheirMinute() {
        List<Tick> plain = ChaosTicks.fromBundledData(3, 300);
        List<Tick> jittered = ChaosTicks.fromBundledData(3, 300, Duration.ofSeconds(20));

        for (int i = 0; i < plain.size(); i++) {
            assertThat(jittered.get(i).ts() - plain.get(i).ts()).isBetween(-20_000L, 20_000L);
            if (i >= 3) {
                assertThat(jittered.get(i).ts()).isGreaterThan(jittered.get(i - 3).ts());
            }
        }
        assertThat(jittered).extracting(Tick::ts).isNotEqualTo(plain.stream().map(Tick::ts).toList());
        assertThatThrownBy(() -> ChaosTicks.fromBundledData(3, 30, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jitter");
    }

    @Test
    void shouldLeaveOutTheTicksThatArriveAfterAnotherSymbolClosedTheirBarOnlyWithJitter() {
        TickcastConfig bars = TickcastConfig.of(Map.of("bar.interval", "5m", "bar.grace", "0s",
                "topics.partitions", "2"));

        ReferenceRun.Result jittered = ReferenceRun.run(pipelines(),
                ChaosTicks.fromBundledData(4, 400, Duration.ofSeconds(20)), bars);
        ReferenceRun.Result plain = ReferenceRun.run(pipelines(), ChaosTicks.fromBundledData(4, 400), bars);

        assertThat(jittered.lateTicks()).isPositive();
        assertThat(plain.lateTicks()).isZero();
        assertThat(jittered.predictions()).isNotEmpty();
    }

    @Test
    void shouldForecastOnePointPerTickWithoutBars() {
        List<Tick> ticks = ChaosTicks.fromBundledData(2, 40);

        Map<PointKey, ObjectNode> reference = ReferenceRun.predict(pipelines(), ticks);

        assertThat(reference.keySet()).containsExactlyInAnyOrderElementsOf(
                ticks.stream().map(t -> new PointKey(t.symbol(), t.ts())).toList());
    }

    @Test
    void shouldForecastTheBarsEachPartitionHasClosedWithBars() {
        List<Tick> ticks = ChaosTicks.fromBundledData(2, 60);

        Map<PointKey, ObjectNode> reference = ReferenceRun.predict(pipelines(), ticks, TickcastConfig.of(Map.of(
                "bar.interval", "5m", "bar.grace", "0s", "topics.partitions", "4")));

        Map<String, List<Long>> bars = reference.keySet().stream().collect(Collectors.groupingBy(PointKey::symbol,
                Collectors.mapping(PointKey::ts, Collectors.toList())));
        assertThat(bars).containsOnlyKeys(ChaosTicks.symbol(0), ChaosTicks.symbol(1));
        long lastTick = ticks.get(ticks.size() - 1).ts();
        for (List<Long> ends : bars.values()) {
            assertThat(ends).allMatch(end -> end % FIVE_MINUTES == 0).allMatch(end -> end <= lastTick)
                    .hasSizeBetween(5, 6);
        }
        ObjectNode bar = reference.get(new PointKey(ChaosTicks.symbol(0), bars.get(ChaosTicks.symbol(0)).get(0)));
        Tick closing = ticks.stream().filter(t -> t.symbol().equals(ChaosTicks.symbol(0)))
                .filter(t -> t.ts() < bar.get("ts").asLong()).reduce((a, b) -> b).orElseThrow();
        assertThat(bar.get("price").asDouble()).as("a bar's close is its latest tick's price")
                .isEqualTo(closing.price());
    }

    @Test
    void shouldPartitionSymbolsAsTheProducersDefaultPartitionerDoes() {
        for (int k = 0; k < 8; k++) {
            String symbol = ChaosTicks.symbol(k);
            assertThat(ReferenceRun.partition(symbol, 4)).isEqualTo(
                    BuiltInPartitioner.partitionForKey(symbol.getBytes(StandardCharsets.UTF_8), 4));
        }
    }

    private static io.tickcast.stream.internals.PipelineFactory pipelines() {
        return PipelineSettingsMapper.pipelines(TickcastConfig.of(Map.of()));
    }
}
