package io.tickcast.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickFilesTest {

    private static final Path SHARED_DATA = Path.of("..", "shared", "data");
    private static final long MINUTE = 1736208060000L;

    @TempDir
    Path dir;

    private final List<BadRow> badRows = new ArrayList<>();

    private List<Tick> readAll(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        try (TickReader reader = TickFiles.open(file, "BTC-USD", badRows::add)) {
            return reader.stream().toList();
        }
    }

    @Test
    void shouldReadBitstampMinuteBarsWithUnixSecondsCloseAndVolume() throws IOException {
        List<Tick> ticks = readAll("bars.csv", "timestamp,open,high,low,close,volume\n"
                + "1736208060,102228,102228,102228,102228,0.00114705\n"
                + "1736208120,102214,102225,102214,102215,0.42548035\n");
        assertThat(ticks).containsExactly(
                new Tick("BTC-USD", MINUTE, 102228, 0.00114705),
                new Tick("BTC-USD", MINUTE + 60_000, 102215, 0.42548035));
    }

    @Test
    void shouldReadDateTimeCloseLayoutWithoutSize() throws IOException {
        List<Tick> ticks = readAll("daily.csv", "DateTime,Close\n2011-12-31,4.472623966942128\n");
        assertThat(ticks).containsExactly(new Tick("BTC-USD", 1325289600000L, 4.472623966942128, Double.NaN));
    }

    @Test
    void shouldGiveEachRowTheSymbolOfItsSymbolColumn() throws IOException {
        List<Tick> ticks = readAll("two.csv", "timestamp,Symbol,price\n"
                + "1736208060,BTCUSDT,102228\n1736208060,ETHUSDT,3650.5\n1736208120, BTCUSDT ,102215\n"
                + "1736208120,,3651\n1736208180,ETH\u0001USDT,3652\n");

        assertThat(ticks).containsExactly(new Tick("BTCUSDT", MINUTE, 102228, Double.NaN),
                new Tick("ETHUSDT", MINUTE, 3650.5, Double.NaN), new Tick("BTCUSDT", MINUTE + 60_000, 102215, Double.NaN));
        assertThat(badRows).extracting(BadRow::line).containsExactly(5L, 6L);
        assertThat(badRows.get(0).toString()).contains("no symbol in column 2");
        assertThat(badRows.get(1).toString()).contains("control character");
    }

    @Test
    void shouldReadKaggleLayoutAndSkipNaNRows() throws IOException {
        List<Tick> ticks = readAll("kaggle.csv",
                "Timestamp,Open,High,Low,Close,Volume_(BTC),Volume_(Currency),Weighted_Price\n"
                + "1325317920,4.39,4.39,4.39,4.39,0.45558087,2.0000000193,4.39\n"
                + "1325317980,NaN,NaN,NaN,NaN,NaN,NaN,NaN\n"
                + "1.32531804E9,4.4,4.4,4.4,4.4,1.5,6.6,4.4\n");
        assertThat(ticks).containsExactly(
                new Tick("BTC-USD", 1325317920000L, 4.39, 0.45558087),
                new Tick("BTC-USD", 1325318040000L, 4.4, 1.5));
        assertThat(badRows).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.source()).endsWith("kaggle.csv");
            assertThat(row.problem()).contains("price");
        });
    }

    @Test
    void shouldJoinSeparateDateAndTimeColumnsIntoOneTimestampPerRow() throws IOException {
        long at1405 = 1565618700000L; // 2019-08-12T14:05:00Z

        List<Tick> ticks = readAll("export.csv", "Date,Time,Open,High,Low,Close,Volume\n"
                + "2019-08-12,14:05:00,11400,11410,11395,11405.5,1.25\n"
                + "2019-08-12,14:06,11405,11420,11400,11418,0.5\n"
                + "2019-08-12,14:07:00.250,11418,11418,11390,11392,2\n");

        assertThat(ticks).containsExactly(new Tick("BTC-USD", at1405, 11405.5, 1.25),
                new Tick("BTC-USD", at1405 + 60_000, 11418, 0.5), new Tick("BTC-USD", at1405 + 120_250, 11392, 2));
        assertThat(badRows).isEmpty();
    }

    @Test
    void shouldTakeTheOffsetOfATimeColumnAndSkipARowWhoseTimeIsNoTimeOfDay() throws IOException {
        List<Tick> ticks = readAll("export.csv", "date;time;close\n"
                + "2019-08-12;16:05:00+02:00;11405.5\n"
                + "2019-08-12;25:06:00;11418\n"
                + "2019-08-12;1565618820;11392\n"
                + "12.08.2019;14:08:00;11390\n"
                + "2019-08-12;140900;11391\n");

        assertThat(ticks).as("a whole timestamp in the time column is read alone, as before dates and times were"
                + " joined").containsExactly(new Tick("BTC-USD", 1565618700000L, 11405.5, Double.NaN),
                new Tick("BTC-USD", 1565618820000L, 11392, Double.NaN));
        assertThat(badRows).extracting(BadRow::line).as("a compact time is not taken for a unix time")
                .containsExactly(3L, 5L, 6L);
        assertThat(badRows.get(0).problem()).isEqualTo("time '25:06:00' is not a time of day"
                + " (HH:mm[:ss[.fraction]], optionally with an offset such as Z or +01:00)");
        assertThat(badRows.get(1).problem()).isEqualTo("date '12.08.2019' is not an ISO date (yyyy-MM-dd)");
    }

    @Test
    void shouldReadTradesWithMicrosecondTimestampsPriceAmountAndId() throws IOException {
        List<Tick> ticks = readAll("trades.csv", "exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n"
                + "binance-futures,BTCUSDT,1582329602111000,1582329602418379,42377944,buy,9682,0.132\n"
                + "binance-futures,BTCUSDT,1582329602111000,1582329602418380,,buy,9682,0.132\n");
        assertThat(ticks).as("the symbol column names the rows").containsExactly(
                new Tick("BTCUSDT", 1582329602111L, 9682, 0.132, "42377944"), new Tick("BTCUSDT", 1582329602111L, 9682, 0.132));
    }

    @Test
    void shouldReadIsoTimestampsWithSpaceAndFractionInSemicolonFile() throws IOException {
        List<Tick> ticks = readAll("iso.csv", "time;price;qty\n2025-01-07 00:01:00.5;1.5;2\n\"2025-01-07T00:01:01Z\";\"2\";\n");
        assertThat(ticks).containsExactly(
                new Tick("BTC-USD", MINUTE + 500, 1.5, 2.0),
                new Tick("BTC-USD", MINUTE + 1_000, 2.0, Double.NaN));
    }

    @Test
    void shouldSkipAndReportUnreadableRowsWithFileAndLine() throws IOException {
        List<Tick> ticks;
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "timestamp,close\n1736208060,1\nnot-a-time,2\n\n1736208180,-3\n1736208240\n1736208300,5\n");
        try (TickReader reader = TickFiles.open(file, "X", badRows::add)) {
            ticks = reader.stream().toList();
            assertThat(reader.rowsSkipped()).isEqualTo(3);
            assertThat(reader.ticksRead()).isEqualTo(2);
        }
        assertThat(ticks).extracting(Tick::price).containsExactly(1.0, 5.0);
        assertThat(badRows).extracting(BadRow::line).containsExactly(3L, 5L, 6L);
        assertThat(badRows.get(0).toString()).startsWith(file + ":3: ");
    }

    @Test
    void shouldFailAtOpenWhenHeaderHasNoPriceColumn() throws IOException {
        Path file = dir.resolve("noprice.csv");
        Files.writeString(file, "timestamp,open,volume\n1,2,3\n");
        assertThatThrownBy(() -> TickFiles.open(file, "X", badRows::add))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("noprice.csv:1")
                .hasMessageContaining("close");
    }

    @Test
    void shouldReadJsonLinesAndSkipInvalidMessages() throws IOException {
        List<Tick> ticks = readAll("ticks.jsonl", "{\"symbol\":\"ETH-USD\",\"ts\":\"2025-01-07T00:01:00Z\",\"price\":3300.5}\n"
                + "{\"symbol\":\"ETH-USD\",\"ts\":1,\"price\":0}\n"
                + "\n"
                + "{\"symbol\":\"BTC-USD\",\"ts\":1736208060000,\"price\":\"102228\",\"size\":1}\n");
        assertThat(ticks).containsExactly(
                new Tick("ETH-USD", MINUTE, 3300.5, Double.NaN),
                new Tick("BTC-USD", MINUTE, 102228, 1.0));
        assertThat(badRows).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.problem()).contains("NON_POSITIVE_PRICE");
        });
    }

    @Test
    void shouldReadASessionThatOpensWithAFrameLargerThanTheReadBuffer() throws IOException {
        // Recorders often start with a REST depth snapshot: thousands of levels on one line.
        String levels = String.join(",", Collections.nCopies(8_000, "[\"61837.63000000\",\"3.78826000\"]"));
        List<Tick> ticks = readAll("snapshot-first.txt", "1723161254206652067 {\"lastUpdateId\":1,\"bids\":[" + levels
                + "],\"asks\":[]}\n1723161254300000000 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\","
                + "\"s\":\"BTCUSDT\",\"t\":7,\"p\":\"61837.63\",\"q\":\"0.5\",\"T\":1723161255342}}\n");

        assertThat(levels.length()).isGreaterThan(1 << 16);
        assertThat(ticks).containsExactly(new Tick("BTCUSDT", 1723161255342L, 61837.63, 0.5, "7"));
        assertThat(badRows).isEmpty();
    }

    @Test
    void shouldCountTheLinesBeforeTheFirstJsonLineInBadRowNumbers() throws IOException {
        readAll("blank-first.jsonl", "\n\n{\"symbol\":\"A\",\"ts\":1,\"price\":2}\n{\"symbol\":\"A\",\"ts\":2}\n");

        assertThat(badRows).extracting(BadRow::line).containsExactly(4L);
    }

    @Test
    void shouldGunzipFilesNamedGz() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("ts,price\n1736208060000,7\n".getBytes(StandardCharsets.UTF_8));
        }
        try (TickReader reader = TickFiles.open(new ByteArrayInputStream(bytes.toByteArray()), "t.csv.gz", "S",
                badRows::add)) {
            assertThat(reader.stream().toList()).containsExactly(new Tick("S", MINUTE, 7, Double.NaN));
        }
    }

    @Test
    void shouldReadTheWholeBundledDataSet() {
        try (TickReader reader = TickFiles.openBundled("BTC-USD", badRows::add)) {
            long[] count = {0};
            long[] last = {Long.MIN_VALUE};
            reader.forEachRemaining(tick -> {
                assertThat(tick.ts()).isGreaterThan(last[0]);
                last[0] = tick.ts();
                count[0]++;
            });
            assertThat(count[0]).isEqualTo(38_942);
            assertThat(reader.rowsSkipped()).isZero();
        }
        assertThat(badRows).isEmpty();
    }

    @Test
    void shouldReadTheSharedTradesFileWhenPresent() throws IOException {
        Path trades = SHARED_DATA.resolve("04_binance_futures_btcusdt_trades_2020-02-22.csv");
        assumeTrue(Files.exists(trades), "shared data not present");
        try (TickReader reader = TickFiles.open(trades, "BTC-USDT", badRows::add)) {
            assertThat(reader.stream().map(Tick::id).distinct().count()).as("every trade with its own id")
                    .isEqualTo(9_999);
        }
        assertThat(badRows).isEmpty();
    }

    @Test
    void shouldReadTheTradesOfARecordedBinanceSessionAndPassOverItsOtherFrames() throws IOException {
        String trade = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
                + "\"s\":\"BTCUSDT\",\"t\":%d,\"p\":\"%s\",\"q\":\"0.02000000\",\"T\":%d,\"m\":true,\"M\":true}}";
        List<Tick> ticks = readAll("session.txt", "1723161253937085768 {\"stream\":\"btcusdt@depth@100ms\",\"data\":"
                + "{\"e\":\"depthUpdate\",\"E\":1723161255208,\"s\":\"BTCUSDT\",\"b\":[],\"a\":[]}}\n"
                + "1723161254087891268 {\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"BTCUSDT\","
                + "\"b\":\"61837.63\",\"B\":\"3.7\",\"a\":\"61837.64\",\"A\":\"1.5\"}}\n"
                + "1723161254087896568 " + String.format(trade, 3735683259L, "61837.63000000", 1723161255342L) + "\n"
                + "1723161254087896569 " + String.format(trade, 3735683260L, "61837.63000000", 1723161255342L) + "\n"
                + "1723161254100000000 {\"lastUpdateId\":50093239189,\"bids\":[],\"asks\":[]}\n"
                + "1723161254200000000 " + String.format(trade, 3735683261L, "-1", 1723161255400L) + "\n"
                + "1723161254300000000 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"\n"
                + "1723161254400000000 " + String.format(trade, 3735683262L, "61837.64000000", 1723161255401L) + "\n");

        assertThat(ticks).as("the trades, by trade time, with their ids; other frames passed over").containsExactly(
                new Tick("BTCUSDT", 1723161255342L, 61837.63, 0.02, "3735683259"),
                new Tick("BTCUSDT", 1723161255342L, 61837.63, 0.02, "3735683260"),
                new Tick("BTCUSDT", 1723161255401L, 61837.64, 0.02, "3735683262"));
        assertThat(badRows).as("a trade with a bad price and a cut-off frame are bad rows")
                .extracting(BadRow::line).containsExactly(6L, 7L);
        assertThat(badRows.get(0).problem()).contains("'p'");
    }

    @Test
    void shouldReadTheBundledBinanceSession() {
        try (TickReader reader = TickFiles.openBundled(TickFiles.Bundled.BINANCE_SESSION, "ignored", badRows::add)) {
            List<Tick> ticks = reader.stream().toList();
            assertThat(ticks).hasSize(9_757).extracting(Tick::symbol).containsOnly("BTCUSDT");
            assertThat(ticks.stream().map(Tick::id).distinct().count()).isEqualTo(9_757);
            assertThat(ticks.get(0)).isEqualTo(new Tick("BTCUSDT", 1723161255342L, 61837.63, 0.02, "3735683259"));
        }
        assertThat(badRows).isEmpty();
    }

    @Test
    void shouldNameTheBundledDataSetsWhenAskedForAnUnknownOne() {
        assertThat(TickFiles.Bundled.byFlag("binance-session")).isEqualTo(TickFiles.Bundled.BINANCE_SESSION);
        assertThatThrownBy(() -> TickFiles.Bundled.byFlag("kraken"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kraken").hasMessageContaining("bitstamp-minutes, binance-session");
    }

    @Test
    void shouldReadTheSharedLectureFileWhenPresent() throws IOException {
        Path lecture = SHARED_DATA.resolve("01_lecture_daily_close_2011-12-31_to_2019-08-12.csv");
        assumeTrue(Files.exists(lecture), "shared data not present");
        try (TickReader reader = TickFiles.open(lecture, "BTC-USD", badRows::add)) {
            assertThat(reader.stream().count()).isEqualTo(2_782);
        }
        assertThat(badRows).isEmpty();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** A minute-bar CSV of {@code n} rows whose prices do not repeat, so that it compresses poorly. */
    private static String minuteBars(int n) {
        StringBuilder text = new StringBuilder("timestamp,close\n");
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            text.append(1736208060L + 60L * i).append(',').append(50_000 + random.nextInt(1_000_000) / 100.0)
                    .append('\n');
        }
        return text.toString();
    }

    @Test
    void shouldSayThatADirectoryIsADirectory() {
        assertThatThrownBy(() -> TickFiles.open(dir, "BTC-USD", badRows::add))
                .isInstanceOf(IOException.class).hasMessage(dir + " is a directory, not a tick file");
        assertThatThrownBy(() -> TickFiles.formatOf(dir)).hasMessage(dir + " is a directory, not a tick file");
        assertThatThrownBy(() -> TickFiles.open(dir.resolve("missing.csv"), "BTC-USD", badRows::add))
                .isInstanceOf(IOException.class).hasMessage("no such file: " + dir.resolve("missing.csv"));
    }

    @Test
    void shouldNameAFileEndingInGzThatIsNotGzip() throws IOException {
        Path file = dir.resolve("bars.csv.gz");
        Files.writeString(file, "timestamp,close\n1736208060,7\n");

        assertThatThrownBy(() -> TickFiles.open(file, "BTC-USD", badRows::add)).isInstanceOf(IOException.class)
                .hasMessage(file + ": not gzip: its name ends in .gz but it does not start as gzip does (1f 8b)");
    }

    @Test
    void shouldNameATruncatedGzipFileAndSayItEndsEarly() throws IOException {
        byte[] whole = gzip(minuteBars(100_000));
        Path shortFile = dir.resolve("short.csv.gz");
        Files.write(shortFile, java.util.Arrays.copyOf(whole, 200));
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> TickFiles.open(shortFile, "BTC-USD", badRows::add)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(shortFile + ":").hasMessageContaining("Unexpected end of ZLIB input stream")
                .hasMessageEndingWith("(the file ends early: is it truncated?)");
        try (TickReader reader = TickFiles.open(cut, "BTC-USD", badRows::add)) {
            assertThatThrownBy(() -> reader.stream().count()).isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageStartingWith(cut + ":").hasMessageContaining("Unexpected end of ZLIB input stream")
                    .hasMessageEndingWith("(the file ends early: is it truncated?)");
        }
    }

    @Test
    void shouldReadAGzippedFileWhoseNameDoesNotEndInGz() throws IOException {
        Path file = dir.resolve("bars.csv");
        Files.write(file, gzip("timestamp,close\n1736208060,7\n"));

        assertThat(TickFiles.formatOf(file)).isEqualTo(TickFiles.Format.CSV);
        try (TickReader reader = TickFiles.open(file, "BTC-USD", badRows::add)) {
            assertThat(reader.stream().toList()).containsExactly(new Tick("BTC-USD", MINUTE, 7, Double.NaN));
        }
    }
}
