package io.tickcast.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import io.tickcast.backtest.BacktestOptions;
import io.tickcast.backtest.BacktestResult;
import io.tickcast.backtest.BacktestRunner;
import io.tickcast.backtest.ProgressListener;
import io.tickcast.backtest.SymbolSummary;
import io.tickcast.config.TickcastConfig;
import io.tickcast.metrics.MetricNames;
import io.tickcast.pipeline.IdleRetention;
import io.tickcast.pipeline.Prediction;
import io.tickcast.tick.RejectReason;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The backtest against the service's topology: the same ticks, piped through {@code TickcastTopology} and read
 * through the backtest runner, must give the same predictions, with bars ({@code bar.interval} set) and without
 * (every tick a point, the validator's duplicate and lateness checks in force).
 */
class BacktestMatchesTopologyTest {

    private static final long T0 = 1_736_208_000_000L;
    private static final long MINUTE = 60_000L;
    private static final long GRACE = 10_000L;
    private static final int MINUTES = 90;
    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD");
    /** The late tick's validator tolerance is wider than the bars' grace, so that the bars decide what is late. */
    private static final Map<String, String> BARS = Map.of("bar.interval", "1m", "bar.grace", "10s",
            "tick.max.lateness", "10m");

    @TempDir
    Path dir;

    private final TickcastConfig config = TickcastConfig.of(BARS);
    private final List<Tick> ticks = new ArrayList<>();

    private record Tick(String symbol, long ts, double price, double size, String id) {
        Tick(String symbol, long ts, double price, double size) {
            this(symbol, ts, price, size, null);
        }

        String json() {
            return String.format(Locale.ROOT, "{\"symbol\":\"%s\",\"ts\":%d,\"price\":%s,\"size\":%s%s}", symbol,
                    ts, price, size, id == null ? "" : ",\"id\":\"" + id + "\"");
        }
    }

    @BeforeEach
    void ticks() {
        Random random = new Random(11);
        double[] price = {100_000, 3_500};
        for (int m = 0; m < MINUTES; m++) {
            for (int s = 0; s < SYMBOLS.size(); s++) {
                if (m % 23 == 9 || m % 23 == 10 || (s == 1 && m % 13 == 4)) {
                    continue;
                }
                int n = 1 + random.nextInt(4);
                for (int k = 0; k < n; k++) {
                    price[s] *= Math.exp(0.001 * random.nextGaussian());
                    long ts = T0 + m * MINUTE + k * (MINUTE / n) + random.nextInt((int) (MINUTE / n));
                    ticks.add(new Tick(SYMBOLS.get(s), ts, Math.round(price[s] * 100) / 100.0,
                            Math.round(random.nextDouble() * 1000) / 1000.0));
                }
            }
        }
        ticks.sort(Comparator.comparingLong(Tick::ts));
        // minute 20 of BTC: a late tick within grace that becomes the bar's close, then an ETH tick that brings
        // stream time exactly to the bar's end + grace, closing it, and a BTC tick then dropped as late
        insertBefore(T0 + 21 * MINUTE + GRACE, new Tick("BTC-USD", T0 + 21 * MINUTE - 1, 123_456.78, 0.5));
        insertBefore(T0 + 21 * MINUTE + GRACE, new Tick("ETH-USD", T0 + 21 * MINUTE + GRACE, 3_456.78, 0.25));
        insertAfter(T0 + 21 * MINUTE + GRACE, new Tick("BTC-USD", T0 + 20 * MINUTE + 30_000, 99.0, 1));
        // minute 10, empty for both: a late tick within grace opens a bar of its own
        insertBefore(T0 + 11 * MINUTE + GRACE, new Tick("BTC-USD", T0 + 10 * MINUTE + 5_000, 101_000, 0.1));
        // minute 40 of ETH: a tick beyond grace, dropped
        insertAfter(T0 + 41 * MINUTE + 15_000, new Tick("ETH-USD", T0 + 41 * MINUTE - 1, 1.0, 2));
    }

    /** Inserts {@code late} before the first tick at or after {@code ts}: stream time is then below {@code ts}. */
    private void insertBefore(long ts, Tick late) {
        ticks.add(firstAtOrAfter(ts), late);
    }

    /** Inserts {@code late} just after the first tick at or after {@code ts}: stream time is then at least that. */
    private void insertAfter(long ts, Tick late) {
        ticks.add(firstAtOrAfter(ts) + 1, late);
    }

    private int firstAtOrAfter(long ts) {
        int i = 0;
        while (ticks.get(i).ts() < ts) {
            i++;
        }
        return i;
    }

    @Test
    void shouldForecastTheSameBarsAsTheTopologyBitForBit() throws IOException {
        Map<String, List<Prediction>> service = service();
        List<Prediction> backtestOutcomes = new ArrayList<>();
        BacktestResult result = backtest(backtestOutcomes);
        Map<String, List<Prediction>> backtest = bySymbol(backtestOutcomes.stream().map(this::viaTopic).toList());

        assertThat(backtest.keySet()).containsExactlyInAnyOrderElementsOf(SYMBOLS);
        for (String symbol : SYMBOLS) {
            List<Prediction> expected = service.get(symbol);
            List<Prediction> actual = backtest.get(symbol);
            assertThat(actual).as(symbol + ": one point per closed bar").hasSameSizeAs(expected).hasSizeGreaterThan(50);
            assertThat(bits(actual)).as(symbol + ": predicted prices bit for bit").isEqualTo(bits(expected));
            assertThat(actual).as(symbol + ": whole predictions").isEqualTo(expected);
            assertThat(result.summary(symbol).bars()).isEqualTo(expected.size());
        }
    }

    @Test
    void shouldApplyTheLateTicksAsTheTopologyDoes() throws IOException {
        Map<String, List<Prediction>> service = service();
        BacktestResult result = backtest(new ArrayList<>());

        Prediction minute20 = at(service.get("BTC-USD"), T0 + 21 * MINUTE);
        assertThat(minute20.price()).as("late within grace, latest event time: the close").isEqualTo(123_456.78);
        assertThat(at(service.get("BTC-USD"), T0 + 11 * MINUTE).price()).isEqualTo(101_000);
        assertThat(service.get("ETH-USD")).noneMatch(p -> p.ts() == T0 + 11 * MINUTE);
        assertThat(at(service.get("ETH-USD"), T0 + 41 * MINUTE).price()).as("late beyond grace: dropped")
                .isNotEqualTo(1.0);
        assertThat(result.summary("BTC-USD").lateTicks()).isEqualTo(1);
        assertThat(result.summary("ETH-USD").lateTicks()).isEqualTo(1);
        assertThat(service.values().stream().flatMap(List::stream).mapToLong(Prediction::ts).max().orElseThrow())
                .as("the last minute's bars stay open at the end of the input")
                .isLessThan(T0 + MINUTES * MINUTE);
    }

    @Test
    void shouldRejectAndForecastTheSameTicksAsTheServiceWithoutBars() throws IOException {
        Map<String, String> perTick = Map.of();
        Tick duplicated = ticks.get(100);
        ticks.add(101, duplicated);
        // three fills in one millisecond, then the first of them sent again: only its id and ts tell
        long ts = ticks.get(199).ts();
        ticks.addAll(200, List.of(new Tick("BTC-USD", ts, 100_001, 0.1, "a"), new Tick("BTC-USD", ts, 100_002, 0.2, "b"),
                new Tick("BTC-USD", ts, 100_003, 0.3, "c"), new Tick("BTC-USD", ts, 100_001, 0.1, "a")));
        List<String> reasons = new ArrayList<>();
        Map<String, List<Prediction>> service = service(perTick, reasons);
        List<Prediction> backtestOutcomes = new ArrayList<>();
        BacktestResult result = backtest(perTick, backtestOutcomes);
        Map<String, List<Prediction>> backtest = bySymbol(backtestOutcomes.stream().map(this::viaTopic).toList());

        assertThat(reasons).as("the inserted late ticks and the duplicates")
                .contains(RejectReason.OUT_OF_ORDER.name())
                .filteredOn(RejectReason.DUPLICATE.name()::equals).as("the repeated tick and the trade sent again")
                .hasSize(2);
        for (String symbol : SYMBOLS) {
            assertThat(backtest.get(symbol)).as(symbol + ": one point per accepted tick, bit for bit")
                    .isEqualTo(service.get(symbol));
        }
        long duplicates = result.summaries().stream().mapToLong(SymbolSummary::duplicateTicks).sum();
        long outOfOrder = result.summaries().stream().mapToLong(SymbolSummary::outOfOrderTicks).sum();
        assertThat(duplicates).isEqualTo(reasons.stream().filter(RejectReason.DUPLICATE.name()::equals).count());
        assertThat(outOfOrder).isEqualTo(reasons.stream().filter(RejectReason.OUT_OF_ORDER.name()::equals).count());
    }

    /**
     * BTC falls silent for 45 minutes while ETH trades on; with a retention of 20 minutes its next point starts it
     * over, in the service and in the backtest alike, with every tick a point and with bars, and whether the
     * service's sweep deleted its state in the meantime (the wall clock advanced a minute after every tick, and BTC's
     * tick-guard entry is checked to be gone when it comes back) or its next point found it idle.
     */
    @ParameterizedTest(name = "bars: {0}, sweeping: {1}")
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void shouldStartAnIdleSymbolOverAsTheServiceDoes(boolean bars, boolean sweep) throws IOException {
        long back = T0 + 75 * MINUTE;
        ticks.removeIf(t -> t.symbol().equals("BTC-USD") && t.ts() >= T0 + 30 * MINUTE && t.ts() < back);
        Map<String, String> base = bars ? BARS : Map.of();
        Map<String, String> retention = new java.util.HashMap<>(base);
        retention.put("symbols.idle.retention", "20m");
        Map<String, List<Prediction>> service = service(retention, new ArrayList<>(), sweep);
        List<Prediction> backtestOutcomes = new ArrayList<>();
        backtest(retention, backtestOutcomes);
        Map<String, List<Prediction>> backtest = bySymbol(backtestOutcomes.stream().map(this::viaTopic).toList());
        List<Prediction> keptForever = new ArrayList<>();
        backtest(base, keptForever);

        for (String symbol : SYMBOLS) {
            assertThat(backtest.get(symbol)).as(symbol + ": bit for bit").hasSizeGreaterThan(40)
                    .isEqualTo(service.get(symbol));
        }
        Prediction afterTheGap = service.get("BTC-USD").stream().filter(p -> p.ts() >= back).findFirst()
                .orElseThrow();
        assertThat(afterTheGap.modelVersion()).as("a fresh model").isZero();
        assertThat(keptForever.stream().filter(p -> p.symbol().equals("BTC-USD") && p.ts() >= back)
                .findFirst().orElseThrow().modelVersion()).as("without a retention it learns on").isPositive();
        assertThat(service.get("ETH-USD")).as("ETH, never silent, as without a retention")
                .isEqualTo(bySymbol(keptForever.stream().map(this::viaTopic).toList()).get("ETH-USD"));
        assertThat(btcStateWhenItCameBack).as("BTC's tick-guard entry when it came back")
                .isEqualTo(sweep ? "deleted" : "kept");
    }

    /** With sweeping, whether BTC's tick-guard entry was still there when its first tick after the gap arrived. */
    private String btcStateWhenItCameBack;

    private static Prediction at(List<Prediction> predictions, long ts) {
        return predictions.stream().filter(p -> p.ts() == ts).findFirst().orElseThrow();
    }

    /** Pipes the ticks into the topology, each published at a Kafka time unrelated to its event time. */
    private Map<String, List<Prediction>> service() {
        List<String> reasons = new ArrayList<>();
        Map<String, List<Prediction>> predictions = service(BARS, reasons);
        assertThat(reasons).as("the validator accepts every tick").isEmpty();
        return predictions;
    }

    private Map<String, List<Prediction>> service(Map<String, String> settings, List<String> rejectReasons) {
        return service(settings, rejectReasons, false);
    }

    /** @param sweep advance the wall clock a minute after every tick, so that idle symbols are swept */
    private Map<String, List<Prediction>> service(Map<String, String> settings, List<String> rejectReasons,
                                                  boolean sweep) {
        try (TopologyFixture f = new TopologyFixture(dir.resolve("state"), settings)) {
            long ingest = T0 + 86_400_000L;
            KeyValueStore<String, Object> guard = f.driver.getKeyValueStore(TickcastTopology.TICK_GUARD_STORE);
            long lastBtc = Long.MAX_VALUE;
            for (Tick t : ticks) {
                if (t.symbol().equals("BTC-USD")) {
                    if (t.ts() - lastBtc > 40 * MINUTE && btcStateWhenItCameBack == null) {
                        btcStateWhenItCameBack = guard.get("BTC-USD") == null ? "deleted" : "kept";
                    }
                    lastBtc = Math.max(lastBtc == Long.MAX_VALUE ? t.ts() : lastBtc, t.ts());
                }
                ingest += 1_000;
                f.ticks.pipeInput(new TestRecord<>(t.symbol(), t.json().getBytes(StandardCharsets.UTF_8),
                        Instant.ofEpochMilli(ingest)));
                if (sweep) {
                    f.driver.advanceWallClockTime(Duration.ofMinutes(1));
                }
            }
            if (sweep) {
                assertThat(f.registry.get(MetricNames.SYMBOLS_EXPIRED).counter().count()).as("BTC expired once")
                        .isEqualTo(1.0);
            }
            f.deadLetters.readRecordsToList().forEach(r -> rejectReasons.add(new String(
                    r.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8)));
            return bySymbol(f.readPredictions().stream().map(p -> p.withLatencyMs(0)).toList());
        }
    }

    private BacktestResult backtest(List<Prediction> predictions) throws IOException {
        return backtest(BARS, predictions);
    }

    private BacktestResult backtest(Map<String, String> settings, List<Prediction> predictions) throws IOException {
        TickcastConfig config = TickcastConfig.of(settings);
        Path file = dir.resolve("ticks.jsonl");
        Files.write(file, ticks.stream().map(Tick::json).toList());
        BacktestOptions options = BacktestOptions.of(file).withSettings(config.pipelineSettings())
                .withBars(config.barInterval(), config.barGrace()).withMaxLateness(config.tickMaxLateness())
                .withIdleRetention(IdleRetention.of(config.symbolsIdleRetention()));
        return BacktestRunner.run(options, ProgressListener.NONE, o -> predictions.add(o.prediction()));
    }

    /** The prediction as the topic carries it (an infinite interval bound becomes null), latency zero. */
    private Prediction viaTopic(Prediction p) {
        Serde<Prediction> serde = Topics.from(config).predictions().valueSerde();
        return serde.deserializer().deserialize("predictions",
                serde.serializer().serialize("predictions", p.withLatencyMs(0)));
    }

    private static Map<String, List<Prediction>> bySymbol(List<Prediction> predictions) {
        return predictions.stream().collect(Collectors.groupingBy(Prediction::symbol));
    }

    private static List<Long> bits(List<Prediction> predictions) {
        return predictions.stream().map(p -> Double.doubleToRawLongBits(p.predictedPrice())).toList();
    }
}
