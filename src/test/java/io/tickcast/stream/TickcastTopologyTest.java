package io.tickcast.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tickcast.metrics.MetricNames;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.QualityReport;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TickcastTopologyTest {

    private static final long T0 = 1_736_208_000_000L;
    private static final long MINUTE = 60_000L;

    @TempDir
    Path stateDir;

    /** A deterministic, wiggly BTC-like path. */
    static double price(int i) {
        return 100_000 + 300 * Math.sin(i / 7.0) + 40 * Math.cos(i / 2.3) + i;
    }

    @Test
    void shouldEmitThePredictionOfTheNextPointBeforeTheNextTickIsRead() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of())) {
            for (int i = 0; i < 50; i++) {
                f.tick("BTC-USD", T0 + i * MINUTE, price(i));

                List<Prediction> out = f.readPredictions();
                assertThat(out).as("prediction after tick %d", i).hasSize(1);
                Prediction p = out.get(0);
                assertThat(p.ts()).isEqualTo(T0 + i * MINUTE);
                assertThat(p.price()).isEqualTo(price(i));
                assertThat(p.naivePrice()).isEqualTo(price(i));
                assertThat(p.predictedPrice()).isFinite().isPositive();
                assertThat(p.latencyMs()).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void shouldNotLetAFuturePointChangeAnEarlierPrediction() {
        List<Prediction> original = run(Map.of(), 40, i -> price(i));
        List<Prediction> alteredFuture = run(Map.of(), 40, i -> i < 30 ? price(i) : price(i) * 1.5);

        assertThat(withoutLatency(alteredFuture.subList(0, 30))).isEqualTo(withoutLatency(original.subList(0, 30)));
        assertThat(alteredFuture.get(30).price()).isNotEqualTo(original.get(30).price());
    }

    @Test
    void shouldCountModelUpdatesAsTheModelVersion() {
        List<Prediction> out = run(Map.of(), 20, TickcastTopologyTest::price);

        assertThat(out).extracting(Prediction::modelVersion).as("one update per point from the third on")
                .containsExactly(0L, 0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L);
    }

    @Test
    void shouldPublishQualityAgainstTheNaiveForecastForEveryScoredPoint() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of())) {
            for (int i = 0; i < 30; i++) {
                f.tick("BTC-USD", T0 + i * MINUTE, price(i));
            }
            List<QualityReport> reports = f.driftMetrics.readValuesToList();
            List<Prediction> predictions = f.readPredictions();

            assertThat(reports).hasSize(29);
            for (int i = 1; i < 30; i++) {
                QualityReport q = reports.get(i - 1);
                assertThat(q.predictedPrice()).as("point %d scored against the prediction of point %d", i, i - 1)
                        .isEqualTo(predictions.get(i - 1).predictedPrice());
                assertThat(q.absError()).isEqualTo(Math.abs(price(i) - predictions.get(i - 1).predictedPrice()));
            }
            QualityReport last = reports.get(28);
            assertThat(last.ts()).isEqualTo(T0 + 29 * MINUTE);
            assertThat(last.naiveAbsError()).isEqualTo(Math.abs(price(29) - price(28)), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(last.fading().rmse()).isFinite();
            assertThat(last.skill()).isFinite();
            assertThat(last.directionalAccuracy()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void shouldShowEachSymbolsLatestPredictionAndQualityOnItsGauges() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of())) {
            for (int i = 0; i < 60; i++) {
                f.tick("BTC-USD", T0 + i * MINUTE, price(i));
                f.tick("ETH-USD", T0 + i * MINUTE, price(i + 50) / 30);
            }
            List<Prediction> predictions = f.readPredictions();
            List<QualityReport> reports = f.driftMetrics.readValuesToList();

            for (String symbol : List.of("BTC-USD", "ETH-USD")) {
                Prediction p = predictions.stream().filter(x -> x.symbol().equals(symbol)).reduce((a, b) -> b)
                        .orElseThrow();
                QualityReport q = reports.stream().filter(x -> x.symbol().equals(symbol)).reduce((a, b) -> b)
                        .orElseThrow();
                assertThat(q.intervalCoverage()).as("intervals are scored by point 60").isNotNull();
                assertThat(gauge(f, MetricNames.PRICE, symbol)).isEqualTo(p.price());
                assertThat(gauge(f, MetricNames.PREDICTED_PRICE, symbol)).isEqualTo(p.predictedPrice());
                assertThat(gauge(f, MetricNames.MODEL_VERSION, symbol)).isEqualTo(p.modelVersion());
                assertThat(gauge(f, MetricNames.RMSE, symbol)).isEqualTo(q.fading().rmse());
                assertThat(gauge(f, MetricNames.MAE, symbol)).isEqualTo(q.fading().mae());
                assertThat(gauge(f, MetricNames.NAIVE_RMSE, symbol)).isEqualTo(q.naiveFading().rmse());
                assertThat(gauge(f, MetricNames.SKILL, symbol)).isEqualTo(q.skill());
                assertThat(gauge(f, MetricNames.DIRECTIONAL_ACCURACY, symbol)).isEqualTo(q.directionalAccuracy());
                assertThat(gauge(f, MetricNames.INTERVAL_COVERAGE, symbol)).isEqualTo(q.intervalCoverage());
                assertThat(f.registry.get(MetricNames.POINTS).tag(MetricNames.TAG_SYMBOL, symbol).counter().count())
                        .isEqualTo(60.0);
            }
        }
    }

    private static double gauge(TopologyFixture f, String name, String symbol) {
        return f.registry.get(name).tag(MetricNames.TAG_SYMBOL, symbol).gauge().value();
    }

    @Test
    void shouldPublishQualityEveryNthScoredPointWhenAskedToAndStillPredictEveryPoint() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of("quality.report.every", "10"))) {
            for (int i = 0; i < 35; i++) {
                f.tick("BTC-USD", T0 + i * MINUTE, price(i));
                f.tick("ETH-USD", T0 + i * MINUTE, price(i) / 30);
            }

            assertThat(f.readPredictions()).hasSize(70);
            List<QualityReport> reports = f.driftMetrics.readValuesToList();
            assertThat(reports).extracting(QualityReport::symbol, QualityReport::scored).containsExactly(
                    tuple("BTC-USD", 10L), tuple("ETH-USD", 10L), tuple("BTC-USD", 20L), tuple("ETH-USD", 20L),
                    tuple("BTC-USD", 30L), tuple("ETH-USD", 30L));
            assertThat(reports.get(4).ts()).isEqualTo(T0 + 30 * MINUTE);
        }
    }

    @Test
    void shouldRouteEveryKindOfBadTickToTheDeadLetterTopicAndKeepPredicting() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of())) {
            f.tick("BTC-USD", T0, 100_000);
            f.raw("BTC-USD", "not json");
            f.raw("BTC-USD", "{\"symbol\":\"BTC-USD\",\"ts\":" + (T0 + 1) + "}");
            f.raw("BTC-USD", "{\"symbol\":\"BTC-USD\",\"ts\":" + (T0 + 1) + ",\"price\":\"abc\"}");
            f.raw("BTC-USD", "{\"symbol\":\"BTC-USD\",\"ts\":" + (T0 + 1) + ",\"price\":NaN}");
            f.raw("BTC-USD", "{\"symbol\":\"BTC-USD\",\"ts\":" + (T0 + 1) + ",\"price\":0}");
            f.raw("BTC-USD", "{\"symbol\":\"BTC-USD\",\"ts\":" + (T0 + 1) + ",\"price\":-5}");
            f.raw("BTC-USD", "{\"symbol\":\"BTC-USD\",\"ts\":\"yesterday\",\"price\":1}");
            f.raw("ETH-USD", "{\"symbol\":\"BTC-USD\",\"ts\":" + (T0 + 1) + ",\"price\":1}");
            f.raw(null, "{\"symbol\":\"BTC-USD\",\"ts\":" + (T0 + 1) + ",\"price\":1}");
            f.tick("BTC-USD", T0, 100_000);
            f.tick("BTC-USD", T0 - 60_000, 100_000);
            f.tick("BTC-USD", T0 + MINUTE, 100_010);

            List<TestRecord<byte[], byte[]>> dead = f.deadLetters.readRecordsToList();
            List<String> reasons = new ArrayList<>();
            dead.forEach(r -> reasons.add(TopologyFixture.header(r.headers(), DeadLetterHeaders.REASON)));
            assertThat(reasons).containsExactly("NOT_JSON", "MISSING_PRICE", "NOT_NUMERIC", "NON_FINITE_PRICE",
                    "NON_POSITIVE_PRICE", "NON_POSITIVE_PRICE", "BAD_TIMESTAMP", "KEY_MISMATCH", "MISSING_KEY",
                    "DUPLICATE", "OUT_OF_ORDER");
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not json");
            assertThat(TopologyFixture.header(dead.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("ticks");
            assertThat(TopologyFixture.header(dead.get(10).headers(), DeadLetterHeaders.DETAIL)).contains("older");
            assertThat(dead).extracting(r -> TopologyFixture.header(r.headers(), DeadLetterHeaders.SOURCE_PARTITION))
                    .containsOnly("0");
            assertThat(dead).as("the offsets of the bad ticks on the input topic, the first good tick at 0")
                    .extracting(r -> TopologyFixture.header(r.headers(), DeadLetterHeaders.SOURCE_OFFSET))
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
            assertThat(f.readPredictions()).extracting(Prediction::price).containsExactly(100_000.0, 100_010.0);
            assertThat(f.registry.get("tickcast.ticks.rejected").tag("reason", "NON_POSITIVE_PRICE").counter().count())
                    .isEqualTo(2.0);
        }
    }

    @Test
    void shouldTellTradesApartByTheirIdsAndRejectARepeatedOrBadId() {
        String trade = "{\"symbol\":\"BTC-USD\",\"ts\":" + T0 + ",\"price\":100000,\"size\":0.5,\"id\":%s}";
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of())) {
            f.raw("BTC-USD", String.format(trade, "41"));
            f.raw("BTC-USD", String.format(trade, "42"));
            f.raw("BTC-USD", String.format(trade, "\"42\""));
            f.raw("BTC-USD", String.format(trade, "true"));
            f.raw("BTC-USD", String.format(trade, "43"));

            List<TestRecord<byte[], byte[]>> dead = f.deadLetters.readRecordsToList();
            assertThat(dead).extracting(r -> TopologyFixture.header(r.headers(), DeadLetterHeaders.REASON))
                    .containsExactly("DUPLICATE", "BAD_ID");
            assertThat(TopologyFixture.header(dead.get(0).headers(), DeadLetterHeaders.DETAIL)).contains("same id 42");
            assertThat(f.readPredictions()).as("three fills at the same millisecond, price and size")
                    .hasSize(3);
        }
    }

    @Test
    void shouldRejectTradesSentAgainWithinTheToleranceAndAcceptNewOnesAmongThem() {
        String trade = "{\"symbol\":\"BTC-USD\",\"ts\":%d,\"price\":100000,\"size\":0.5,\"id\":%d}";
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of("tick.max.lateness", "5s"))) {
            f.raw("BTC-USD", String.format(trade, T0, 41));
            f.raw("BTC-USD", String.format(trade, T0, 42));
            f.raw("BTC-USD", String.format(trade, T0 + 1_000, 43));
            // a feed reconnects and sends its last trades again, with one it had missed
            f.raw("BTC-USD", String.format(trade, T0, 41));
            f.raw("BTC-USD", String.format(trade, T0, 42));
            f.raw("BTC-USD", String.format(trade, T0, 40));
            f.raw("BTC-USD", String.format(trade, T0 + 1_000, 43));
            f.raw("BTC-USD", String.format(trade, T0 + 2_000, 44));

            List<TestRecord<byte[], byte[]>> dead = f.deadLetters.readRecordsToList();
            assertThat(dead).extracting(r -> TopologyFixture.header(r.headers(), DeadLetterHeaders.REASON))
                    .containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE");
            assertThat(TopologyFixture.header(dead.get(0).headers(), DeadLetterHeaders.DETAIL))
                    .isEqualTo("id 41 at ts " + T0 + " was accepted before for BTC-USD");
            assertThat(f.readPredictions()).extracting(Prediction::ts)
                    .containsExactly(T0, T0, T0 + 1_000, T0, T0 + 2_000);
        }
    }

    @Test
    void shouldRejectTradesSentAgainOfASymbolWhoseClockLagsItsPartitionsOthers() {
        String trade = "{\"symbol\":\"%s\",\"ts\":%d,\"price\":100000,\"size\":0.5,\"id\":%d}";
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of("tick.max.lateness", "5s"))) {
            // one partition: ETH-USD is live, BTC-USD's feed catches up an hour behind it
            f.raw("ETH-USD", String.format(trade, "ETH-USD", T0 + 60 * MINUTE, 1));
            f.raw("BTC-USD", String.format(trade, "BTC-USD", T0, 41));
            f.raw("BTC-USD", String.format(trade, "BTC-USD", T0, 42));
            f.raw("BTC-USD", String.format(trade, "BTC-USD", T0 + 1_000, 43));
            f.raw("BTC-USD", String.format(trade, "BTC-USD", T0, 41));
            f.raw("BTC-USD", String.format(trade, "BTC-USD", T0, 42));

            assertThat(f.deadLetters.readRecordsToList())
                    .extracting(r -> TopologyFixture.header(r.headers(), DeadLetterHeaders.REASON))
                    .containsExactly("DUPLICATE", "DUPLICATE");
            assertThat(f.readPredictions()).hasSize(4);
        }
    }

    @Test
    void shouldForgetEachSymbolsIdsOnceItsOwnTicksHaveMovedPastTheTolerance() {
        String trade = "{\"symbol\":\"%s\",\"ts\":%d,\"price\":100000,\"size\":0.5,\"id\":%d}";
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of("tick.max.lateness", "5s"))) {
            f.raw("ETH-USD", String.format(trade, "ETH-USD", T0, 1));
            f.raw("ETH-USD", String.format(trade, "ETH-USD", T0, 2));
            for (int i = 0; i < 100; i++) {
                f.raw("BTC-USD", String.format(trade, "BTC-USD", T0 + i * 1_000L, 100 + i));
            }

            KeyValueStore<Bytes, byte[]> ids = f.driver.getKeyValueStore(TickcastTopology.TRADE_IDS_STORE);
            assertThat(ids.approximateNumEntries()).as("BTC-USD's ids of its last 5 s, and ETH-USD's two")
                    .isEqualTo(6 + 2);
        }
    }

    @Test
    void shouldRejectATickStampedFarAfterItsRecordSoThatItsSymbolGoesOn() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of())) {
            f.tick("BTC-USD", T0, 100_000);
            long micros = (T0 + MINUTE) * 1_000;
            f.ticks.pipeInput(new TestRecord<>("BTC-USD", TopologyFixture.json("BTC-USD", micros, 100_001),
                    java.time.Instant.ofEpochMilli(T0 + MINUTE)));
            f.ticks.pipeInput(new TestRecord<>("BTC-USD", TopologyFixture.json("BTC-USD", T0 + 3 * MINUTE, 100_002),
                    java.time.Instant.ofEpochMilli(T0 + 2 * MINUTE)));
            f.tick("BTC-USD", T0 + 4 * MINUTE, 100_003);

            List<TestRecord<byte[], byte[]>> dead = f.deadLetters.readRecordsToList();
            assertThat(dead).extracting(r -> TopologyFixture.header(r.headers(), DeadLetterHeaders.REASON))
                    .containsExactly("BAD_TIMESTAMP");
            assertThat(TopologyFixture.header(dead.get(0).headers(), DeadLetterHeaders.DETAIL))
                    .isEqualTo("ts " + micros + " is " + (micros - T0 - MINUTE) + " ms later than the record's timestamp "
                            + (T0 + MINUTE) + " (tolerance 60000 ms)");
            assertThat(f.readPredictions()).as("a minute ahead is within the tolerance; the symbol goes on")
                    .extracting(Prediction::price).containsExactly(100_000.0, 100_002.0, 100_003.0);
        }
    }

    @Test
    void shouldAcceptATickLateWithinTheTolerance() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of("tick.max.lateness", "5s"))) {
            f.tick("BTC-USD", T0, 100_000);
            f.tick("BTC-USD", T0 - 4_000, 100_001);

            assertThat(f.deadLetters.isEmpty()).isTrue();
            assertThat(f.readPredictions()).hasSize(2);
        }
    }

    @Test
    void shouldKeepOneModelPerSymbol() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of())) {
            for (int i = 0; i < 10; i++) {
                f.tick("BTC-USD", T0 + i * MINUTE, price(i));
                f.tick("ETH-USD", T0 + i * MINUTE, price(i) / 30);
            }
            List<Prediction> out = f.readPredictions();

            assertThat(out.stream().filter(p -> p.symbol().equals("ETH-USD")).map(Prediction::modelVersion))
                    .isEqualTo(out.stream().filter(p -> p.symbol().equals("BTC-USD")).map(Prediction::modelVersion)
                            .toList());
            assertThat(f.directory.all()).containsOnlyKeys("BTC-USD", "ETH-USD");
            f.close();
            assertThat(f.directory.all()).as("a closed task's symbols are no longer answered here").isEmpty();
        }
    }

    @Test
    void shouldForecastTheCloseOfEachBarOnceItsGracePeriodHasPassed() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of("bar.interval", "1m", "bar.grace", "10s"))) {
            f.tick("BTC-USD", T0 + 1_000, 100);
            f.tick("BTC-USD", T0 + 59_000, 101);
            f.tick("BTC-USD", T0 + 61_000, 200);
            assertThat(f.readPredictions()).as("first bar still open for late ticks").isEmpty();

            f.tick("BTC-USD", T0 + 30_000, 150);
            f.tick("BTC-USD", T0 + 71_000, 201);
            List<Prediction> out = f.readPredictions();

            assertThat(out).hasSize(1);
            assertThat(out.get(0).ts()).isEqualTo(T0 + MINUTE);
            assertThat(out.get(0).price()).as("close = latest tick of the bar, the late one included").isEqualTo(101.0);
        }
    }

    @Test
    void shouldGiveTheDeadLetterTopicTheOriginalBytesOfAKeyThatIsNotText() {
        byte[] notUtf8 = {(byte) 0xC3, 0x28, 'B', 'T', 'C'};
        byte[] alsoNotUtf8 = {(byte) 0xC3, 0x29, 'B', 'T', 'C'};
        byte[] startsWithNul = {0, 'B', 'T', 'C'};
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of())) {
            for (byte[] key : List.of(notUtf8, alsoNotUtf8, startsWithNul)) {
                f.rawTicks.pipeInput(key, TopologyFixture.json("BTC", T0, 100));
            }
            f.raw("BTC", new String(TopologyFixture.json("BTC", T0 + 1, 101), StandardCharsets.UTF_8));

            List<TestRecord<byte[], byte[]>> dead = f.deadLetters.readRecordsToList();
            assertThat(dead).extracting(TestRecord::key).containsExactly(notUtf8, alsoNotUtf8, startsWithNul);
            assertThat(dead).extracting(r -> TopologyFixture.header(r.headers(), DeadLetterHeaders.REASON))
                    .containsOnly("KEY_MISMATCH");
            assertThat(TopologyFixture.header(dead.get(0).headers(), DeadLetterHeaders.DETAIL))
                    .isEqualTo("key (5 bytes) is not UTF-8 text; it must be the symbol 'BTC'");
            assertThat(dead.get(0).value()).isEqualTo(TopologyFixture.json("BTC", T0, 100));
            assertThat(f.readPredictions()).as("only the tick keyed by its symbol").hasSize(1);
        }
    }

    @Test
    void shouldStopReportingTheSymbolsOfATaskThatClosedHere() {
        TopologyFixture f = new TopologyFixture(stateDir, Map.of());
        for (int i = 0; i < 5; i++) {
            f.tick("BTC-USD", T0 + i * MINUTE, 100_000 + i);
        }
        assertThat(f.registry.find(MetricNames.SKILL).tag(MetricNames.TAG_SYMBOL, "BTC-USD").gauge()).isNotNull();

        f.close(); // the task closes, as when a rebalance moves it to another instance

        assertThat(f.registry.getMeters()).as("no series of BTC-USD left on this instance")
                .noneMatch(m -> "BTC-USD".equals(m.getId().getTag(MetricNames.TAG_SYMBOL)));
    }

    @Test
    void shouldKeepPerSymbolSeriesOnlyForTheModelsInMemory() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of("models.max.live", "10"))) {
            for (int i = 0; i < 300; i++) {
                f.tick("S" + i, T0, 100 + i);
                f.tick("S" + i, T0 + MINUTE, 101 + i);
            }
            long symbols = f.registry.getMeters().stream().map(m -> m.getId().getTag(MetricNames.TAG_SYMBOL))
                    .filter(java.util.Objects::nonNull).distinct().count();

            assertThat(symbols).isEqualTo(10);
            assertThat(f.registry.get(MetricNames.POINTS).tag(MetricNames.TAG_SYMBOL, "S299").counter().count())
                    .as("a live symbol's series go on").isEqualTo(2.0);
        }
    }

    @Test
    void shouldSendTicksOfSymbolsNotAllowedToTheDeadLetterTopic() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of("symbols.allowed", "BTC-USD|ETH-USD"))) {
            f.tick("BTC-USD", T0, 100);
            f.tick("DOGE-USD", T0, 0.1);
            f.tick("BTC-USDX", T0, 100);

            assertThat(f.readPredictions()).extracting(Prediction::symbol).containsExactly("BTC-USD");
            List<TestRecord<byte[], byte[]>> dead = f.deadLetters.readRecordsToList();
            assertThat(dead).extracting(r -> TopologyFixture.header(r.headers(), DeadLetterHeaders.REASON))
                    .containsExactly("BAD_SYMBOL", "BAD_SYMBOL");
            assertThat(TopologyFixture.header(dead.get(0).headers(), DeadLetterHeaders.DETAIL))
                    .isEqualTo("symbol 'DOGE-USD' is not matched by symbols.allowed (BTC-USD|ETH-USD)");
        }
    }

    @Test
    void shouldDropAndCountATickWhoseBarHasClosed() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of("bar.interval", "1m", "bar.grace", "10s"))) {
            f.tick("BTC-USD", T0 + 1_000, 100);
            f.tick("BTC-USD", T0 + 71_000, 201);
            assertThat(f.readPredictions()).extracting(Prediction::ts).containsExactly(T0 + MINUTE);

            // ETH's first tick: new to the tick guard, but its bar [T0, T0 + 1 min) closed at T0 + 70 s
            f.tick("ETH-USD", T0 + 20_000, 3_000);
            f.tick("ETH-USD", T0 + 65_000, 3_001);
            f.tick("BTC-USD", T0 + 131_000, 202);

            assertThat(f.readPredictions()).extracting(p -> p.symbol() + "@" + (p.ts() - T0))
                    .containsExactly("BTC-USD@120000", "ETH-USD@120000");
            assertThat(f.registry.get(MetricNames.BAR_LATE_TICKS).counter().count()).isEqualTo(1.0);
        }
    }

    /** At 13 points between checkpoints the journal holds up to 12, whose slot keys sort as text: 1, 10, 11, 12, 2. */
    @ParameterizedTest(name = "model.checkpoint.every={0}")
    @ValueSource(strings = {"7", "13"})
    void shouldRestoreEvictedModelsFromTheirDurableStateExactly(String checkpointEvery) {
        Map<String, String> capped = Map.of("models.max.live", "1", "model.checkpoint.every", checkpointEvery);
        List<Prediction> uncapped = runTwoSymbols(Map.of("model.checkpoint.every", checkpointEvery));
        List<Prediction> evicting = runTwoSymbols(capped);

        assertThat(withoutLatency(evicting)).isEqualTo(withoutLatency(uncapped));
    }

    @Test
    void shouldRestoreEvictedMicroBatchedModelsExactlyFromCheckpointsInsideABatch() {
        Map<String, String> batched = Map.of("model.update.every", "4", "model.checkpoint.every", "7");
        List<Prediction> uncapped = runTwoSymbols(batched);
        List<Prediction> evicting = runTwoSymbols(Map.of("model.update.every", "4", "model.checkpoint.every", "7",
                "models.max.live", "1"));

        assertThat(withoutLatency(evicting)).isEqualTo(withoutLatency(uncapped));
        assertThat(withoutLatency(uncapped)).isNotEqualTo(withoutLatency(runTwoSymbols(Map.of())));
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedModelBeyondTheCap() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of("models.max.live", "2"))) {
            int[] seen = new int[3];
            for (String symbol : List.of("A", "B", "A", "C", "A", "B")) {
                int i = seen[symbol.charAt(0) - 'A']++;
                f.tick(symbol, T0 + i * MINUTE, price(i));
            }

            // C evicts B (A was used since), and B coming back evicts C: A, used throughout, stays
            assertThat(f.registry.get(MetricNames.MODELS_EVICTED).counter().count()).isEqualTo(2.0);
            assertThat(f.registry.get(MetricNames.MODELS_RESTORED).counter().count()).as("only B").isEqualTo(1.0);
            assertThat(f.readPredictions()).hasSize(6);
            assertThat(f.directory.all()).as("/models lists the models in memory, not every symbol ever seen")
                    .containsOnlyKeys("A", "B");
        }
    }

    @Test
    void shouldStartASymbolFreshAndCountItWhenItsStoredStateCannotBeRead() {
        Map<String, String> capped = Map.of("models.max.live", "1", "model.checkpoint.every", "3");
        try (TopologyFixture f = new TopologyFixture(stateDir, capped)) {
            for (int i = 0; i < 6; i++) {
                f.tick("BTC-USD", T0 + i * MINUTE, price(i));
            }
            f.tick("ETH-USD", T0, 3_000);
            KeyValueStore<String, byte[]> checkpoints = f.driver.getKeyValueStore(TickcastTopology.CHECKPOINT_STORE);
            checkpoints.put("BTC-USD", new byte[] {42, 1, 2, 3});
            f.readPredictions();

            f.tick("BTC-USD", T0 + 6 * MINUTE, price(6));
            f.tick("BTC-USD", T0 + 7 * MINUTE, price(7));

            List<Prediction> out = f.readPredictions();
            assertThat(out).hasSize(2);
            assertThat(out.get(0).modelVersion()).as("a fresh model").isZero();
            assertThat(f.registry.get("tickcast.snapshots.unreadable").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void shouldDeleteAllStateOfASymbolIdleLongerThanTheRetentionAndKeepTheOthers() {
        Map<String, String> retention = Map.of("symbols.idle.retention", "1h", "model.checkpoint.every", "3");
        try (TopologyFixture f = new TopologyFixture(stateDir, retention)) {
            for (int i = 0; i < 5; i++) {
                String btc = "{\"symbol\":\"BTC-USD\",\"ts\":" + (T0 + i * MINUTE) + ",\"price\":" + price(i)
                        + ",\"id\":\"" + i + "\"}";
                f.ticks.pipeInput(new TestRecord<>("BTC-USD", btc.getBytes(StandardCharsets.UTF_8),
                        java.time.Instant.ofEpochMilli(T0 + i * MINUTE)));
            }
            for (int i = 0; i <= 64; i += 4) {
                f.tick("ETH-USD", T0 + i * MINUTE, price(i) / 30);
            }
            f.driver.advanceWallClockTime(java.time.Duration.ofMinutes(1));
            assertThat(f.registry.get(MetricNames.SYMBOLS_EXPIRED).counter().count())
                    .as("ETH's newest tick is 60 minutes after BTC's latest: not beyond the hour").isZero();

            f.tick("ETH-USD", T0 + 65 * MINUTE, price(65) / 30);
            assertThat(symbolKeys(f, TickcastTopology.JOURNAL_STORE, "BTC-USD")).isNotEmpty();
            f.driver.advanceWallClockTime(java.time.Duration.ofMinutes(1));

            assertThat(f.registry.get(MetricNames.SYMBOLS_EXPIRED).counter().count()).isEqualTo(1.0);
            KeyValueStore<String, Object> guard = f.driver.getKeyValueStore(TickcastTopology.TICK_GUARD_STORE);
            assertThat(guard.get("BTC-USD")).isNull();
            assertThat(guard.get("ETH-USD")).isNotNull();
            KeyValueStore<Bytes, byte[]> ids = f.driver.getKeyValueStore(TickcastTopology.TRADE_IDS_STORE);
            try (var all = ids.all()) {
                assertThat(all.hasNext()).as("BTC's trade ids").isFalse();
            }
            assertThat(f.driver.<String, byte[]>getKeyValueStore(TickcastTopology.CHECKPOINT_STORE).get("BTC-USD"))
                    .isNull();
            assertThat(f.driver.<String, byte[]>getKeyValueStore(TickcastTopology.CHECKPOINT_STORE).get("ETH-USD"))
                    .isNotNull();
            assertThat(symbolKeys(f, TickcastTopology.JOURNAL_STORE, "BTC-USD")).isEmpty();
            assertThat(symbolKeys(f, TickcastTopology.JOURNAL_STORE, "ETH-USD")).isNotEmpty();
            assertThat(f.directory.all()).containsOnlyKeys("ETH-USD");
            assertThat(f.registry.find(MetricNames.PRICE).tag(MetricNames.TAG_SYMBOL, "BTC-USD").gauge()).isNull();
            assertThat(f.registry.find(MetricNames.PRICE).tag(MetricNames.TAG_SYMBOL, "ETH-USD").gauge()).isNotNull();

            f.readPredictions();
            f.tick("BTC-USD", T0 + 66 * MINUTE, price(66));
            Prediction back = f.readPredictions().get(0);
            assertThat(back.modelVersion()).as("back with a fresh model").isZero();
            assertThat(f.deadLetters.isEmpty()).isTrue();
        }
    }

    @Test
    void shouldStartAnEvictedSymbolOverWithoutRestoringItWhenItWasIdleLongerThanTheRetention() {
        Map<String, String> capped = Map.of("symbols.idle.retention", "1h", "models.max.live", "1",
                "model.checkpoint.every", "3");
        try (TopologyFixture f = new TopologyFixture(stateDir, capped)) {
            for (int i = 0; i < 5; i++) {
                f.tick("BTC-USD", T0 + i * MINUTE, price(i));
            }
            f.tick("ETH-USD", T0, 3_000);
            f.tick("BTC-USD", T0 + 5 * MINUTE, price(5));
            f.tick("ETH-USD", T0 + MINUTE, 3_001);
            f.readPredictions();
            double restoredBefore = f.registry.get(MetricNames.MODELS_RESTORED).counter().count();

            f.tick("BTC-USD", T0 + 5 * MINUTE + 61 * MINUTE, price(6));

            assertThat(f.readPredictions().get(0).modelVersion()).as("a fresh model").isZero();
            assertThat(f.registry.get(MetricNames.SYMBOLS_EXPIRED).counter().count()).isEqualTo(1.0);
            assertThat(f.registry.get(MetricNames.MODELS_RESTORED).counter().count()).as("not restored first")
                    .isEqualTo(restoredBefore);
            assertThat(f.driver.<String, byte[]>getKeyValueStore(TickcastTopology.CHECKPOINT_STORE).get("BTC-USD"))
                    .as("the old checkpoint went with it").isNull();
        }
    }

    /**
     * The sweep waits past the retention for tick.max.lateness (and with bars for a bar and its grace): a symbol
     * deleted earlier could come back with a point the rule would not start over.
     */
    @ParameterizedTest(name = "bars: {0}")
    @ValueSource(booleans = {false, true})
    void shouldDeleteAnIdleSymbolOnlyPastTheRetentionAndItsMargin(boolean bars) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("symbols.idle.retention", "1h"));
        long margin = 5_000; // tick.max.lateness
        if (bars) {
            settings.putAll(Map.of("bar.interval", "1m", "bar.grace", "10s"));
            margin += 70_000;
        }
        try (TopologyFixture f = new TopologyFixture(stateDir, settings)) {
            long btc = T0 + 30_000;
            f.tick("BTC-USD", btc, 100_000);
            f.tick("ETH-USD", btc + 60 * MINUTE + margin - 1_000, 3_000);
            f.driver.advanceWallClockTime(java.time.Duration.ofMinutes(1));
            f.driver.advanceWallClockTime(java.time.Duration.ofMinutes(1));
            KeyValueStore<String, Object> guard = f.driver.getKeyValueStore(TickcastTopology.TICK_GUARD_STORE);
            assertThat(guard.get("BTC-USD")).as("within the margin").isNotNull();

            f.tick("ETH-USD", btc + 60 * MINUTE + margin + 1_000, 3_001);
            f.driver.advanceWallClockTime(java.time.Duration.ofMinutes(1));
            assertThat(guard.get("BTC-USD")).as("past it").isNull();
            assertThat(f.registry.get(MetricNames.SYMBOLS_EXPIRED).counter().count()).isEqualTo(1.0);
        }
    }

    /** A symbol whose feed lags the others' by more than the retention but still trades keeps its model. */
    @Test
    void shouldLeaveASymbolThatStillTradesAloneHoweverFarItLagsItsPartition() {
        try (TopologyFixture f = new TopologyFixture(stateDir, Map.of("symbols.idle.retention", "1h"))) {
            f.tick("ETH-USD", T0 + 2 * 60 * MINUTE, 3_000);
            for (int i = 0; i < 5; i++) {
                f.tick("BTC-USD", T0 + i * MINUTE, price(i));
                f.driver.advanceWallClockTime(java.time.Duration.ofMinutes(1));
            }
            assertThat(f.registry.get(MetricNames.SYMBOLS_EXPIRED).counter().count()).isZero();
            List<Prediction> btc = f.readPredictions().stream().filter(p -> p.symbol().equals("BTC-USD")).toList();
            assertThat(btc).extracting(Prediction::modelVersion).as("one model, learning on").isSorted()
                    .last().isNotEqualTo(0L);

            f.driver.advanceWallClockTime(java.time.Duration.ofMinutes(1));
            assertThat(f.registry.get(MetricNames.SYMBOLS_EXPIRED).counter().count()).as("once it stopped")
                    .isEqualTo(1.0);
        }
    }

    /**
     * A journal entry left at a slot outside the ring, as a run with a larger {@code model.checkpoint.every} leaves
     * them: starting the symbol over must delete it too, or a later reload replays it into the fresh model and takes
     * its time for the symbol's last point.
     */
    @Test
    void shouldDeleteJournalEntriesOutsideTheRingWhenASymbolStartsOver() {
        Map<String, String> capped = Map.of("symbols.idle.retention", "1h", "models.max.live", "1",
                "model.checkpoint.every", "3");
        try (TopologyFixture f = new TopologyFixture(stateDir, capped)) {
            for (int i = 0; i < 2; i++) {
                f.tick("BTC-USD", T0 + i * MINUTE, price(i));
            }
            KeyValueStore<String, byte[]> journal = f.driver.getKeyValueStore(TickcastTopology.JOURNAL_STORE);
            journal.put("BTC-USD\u0000" + 7, java.nio.ByteBuffer.allocate(40).putLong(7).putLong(T0 + 7 * MINUTE)
                    .putDouble(price(7)).putDouble(1).putLong(T0 + 7 * MINUTE).array());

            f.tick("BTC-USD", T0 + 3 * 60 * MINUTE, price(8));
            assertThat(symbolKeys(f, TickcastTopology.JOURNAL_STORE, "BTC-USD")).as("the new point's slot alone")
                    .containsExactly("BTC-USD\u00001");
            f.tick("ETH-USD", T0, 3_000); // evicts BTC
            f.tick("BTC-USD", T0 + 3 * 60 * MINUTE + MINUTE, price(9));
            f.tick("BTC-USD", T0 + 3 * 60 * MINUTE + 2 * MINUTE, price(10));

            assertThat(f.registry.get(MetricNames.SYMBOLS_EXPIRED).counter().count()).as("started over once")
                    .isEqualTo(1.0);
            List<Prediction> out = f.readPredictions();
            assertThat(out.get(out.size() - 1).modelVersion()).as("the model restored, not fresh").isPositive();
        }
    }

    private static List<String> symbolKeys(TopologyFixture f, String store, String symbol) {
        List<String> keys = new ArrayList<>();
        KeyValueStore<String, byte[]> kv = f.driver.getKeyValueStore(store);
        try (var all = kv.all()) {
            all.forEachRemaining(e -> {
                if (e.key.startsWith(symbol + '\u0000')) {
                    keys.add(e.key);
                }
            });
        }
        return keys;
    }

    private List<Prediction> runTwoSymbols(Map<String, String> overrides) {
        try (TopologyFixture f = new TopologyFixture(stateDir.resolve("two-" + overrides.hashCode()), overrides)) {
            for (int i = 0; i < 20; i++) {
                f.tick("BTC-USD", T0 + i * MINUTE, price(i));
                f.tick("ETH-USD", T0 + i * MINUTE, price(i + 100) / 30);
            }
            if (overrides.containsKey("models.max.live")) {
                assertThat(f.registry.get("tickcast.models.evicted").counter().count()).isGreaterThan(30);
                assertThat(f.registry.get("tickcast.models.restored").counter().count()).isGreaterThan(30);
            }
            return f.readPredictions();
        }
    }

    private List<Prediction> run(Map<String, String> overrides, int n, java.util.function.IntToDoubleFunction prices) {
        Path dir = stateDir.resolve("run-" + System.nanoTime());
        try (TopologyFixture f = new TopologyFixture(dir, overrides)) {
            for (int i = 0; i < n; i++) {
                f.tick("BTC-USD", T0 + i * MINUTE, prices.applyAsDouble(i));
            }
            return f.readPredictions();
        }
    }

    static List<Prediction> withoutLatency(List<Prediction> predictions) {
        return predictions.stream().map(p -> p.withLatencyMs(0)).toList();
    }
}
