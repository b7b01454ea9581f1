package io.tickcast.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.tick.TickParseResult.Accepted;
import io.tickcast.tick.TickParseResult.Rejected;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TickParserTest {

    private static final String KEY = "BTC-USD";
    private final TickParser parser = new TickParser();

    private TickParseResult parse(String key, String value) {
        return parser.parse(key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private Tick accepted(String value) {
        TickParseResult result = parse(KEY, value);
        assertThat(result).isInstanceOf(Accepted.class);
        return ((Accepted) result).tick();
    }

    private RejectReason reason(String key, String value) {
        TickParseResult result = parse(key, value);
        assertThat(result).isInstanceOf(Rejected.class);
        assertThat(((Rejected) result).detail()).isNotBlank();
        return ((Rejected) result).reason();
    }

    @Test
    void shouldParseValidTickWithEpochMillisAndSize() {
        Tick tick = accepted("{\"symbol\":\"BTC-USD\",\"ts\":1736208060000,\"price\":102228.5,\"size\":0.25}");
        assertThat(tick).isEqualTo(new Tick("BTC-USD", 1736208060000L, 102228.5, 0.25));
    }

    @Test
    void shouldUseNaNSizeWhenSizeIsAbsent() {
        Tick tick = accepted("{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":3}");
        assertThat(tick.size()).isNaN();
    }

    @Test
    void shouldAcceptUnknownFieldsOfAnyType() {
        Tick tick = accepted("{\"venue\":{\"name\":\"x\",\"ids\":[1,2]},\"symbol\":\"BTC-USD\",\"flag\":true,"
                + "\"ts\":5,\"price\":7,\"tags\":[\"a\"],\"note\":null}");
        assertThat(tick).isEqualTo(new Tick("BTC-USD", 5, 7.0, Double.NaN));
    }

    @Test
    void shouldAcceptNumbersWrittenAsStrings() {
        Tick tick = accepted("{\"symbol\":\"BTC-USD\",\"ts\":\"1736208060000\",\"price\":\" 101234.5 \",\"size\":\"2\"}");
        assertThat(tick).isEqualTo(new Tick("BTC-USD", 1736208060000L, 101234.5, 2.0));
    }

    @Test
    void shouldParseIsoTimestampsWithAndWithoutTAndZone() {
        long expected = 1736208060000L + 250;
        for (String ts : new String[] {"2025-01-07T00:01:00.250Z", "2025-01-07 00:01:00.250",
                "2025-01-07T00:01:00.250", "2025-01-07T01:01:00.250+01:00", "2025-01-07 00:01:00.250123Z"}) {
            assertThat(accepted("{\"symbol\":\"BTC-USD\",\"ts\":\"" + ts + "\",\"price\":1}").ts())
                    .as(ts).isEqualTo(expected);
        }
    }

    @Test
    void shouldTruncateFractionalEpochMillis() {
        assertThat(accepted("{\"symbol\":\"BTC-USD\",\"ts\":1736208060000.9,\"price\":1}").ts())
                .isEqualTo(1736208060000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "\"text\"", "42", "{\"symbol\":\"BTC-USD\"", "{} trailing",
            "{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":1}{}"})
    void shouldRejectNonObjectValuesAsNotJson(String value) {
        assertThat(reason(KEY, value)).isEqualTo(RejectReason.NOT_JSON);
    }

    @Test
    void shouldRejectNullValueAsNotJson() {
        assertThat(reason(KEY, null)).isEqualTo(RejectReason.NOT_JSON);
    }

    @Test
    void shouldRejectInvalidUtf8AsNotJson() {
        byte[] value = {'{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        TickParseResult result = parser.parse(KEY.getBytes(StandardCharsets.UTF_8), value);
        assertThat(result).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.NOT_JSON));
    }

    @Test
    void shouldRejectMissingOrBlankKey() {
        String value = "{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":1}";
        assertThat(reason(null, value)).isEqualTo(RejectReason.MISSING_KEY);
        assertThat(reason(" ", value)).isEqualTo(RejectReason.MISSING_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"ts\":1,\"price\":1}", "{\"symbol\":\" \",\"ts\":1,\"price\":1}",
            "{\"symbol\":null,\"ts\":1,\"price\":1}", "{\"symbol\":12,\"ts\":1,\"price\":1}"})
    void shouldRejectMissingOrBlankSymbol(String value) {
        assertThat(reason(KEY, value)).isEqualTo(RejectReason.MISSING_SYMBOL);
    }

    @Test
    void shouldRejectASymbolThatCannotNameItsStateBeforeComparingItWithTheKey() {
        String nul = "{\"symbol\":\"X\\u00001\",\"ts\":1,\"price\":1}";
        String longSymbol = "S".repeat(Tick.MAX_SYMBOL_LENGTH + 1);
        String tooLong = "{\"symbol\":\"" + longSymbol + "\",\"ts\":1,\"price\":1}";

        assertThat(parse("X\u00001", nul))
                .isEqualTo(new TickParseResult.Rejected(RejectReason.BAD_SYMBOL,
                        "symbol holds the control character U+0000 at index 1"));
        assertThat(reason(longSymbol, tooLong)).isEqualTo(RejectReason.BAD_SYMBOL);
        assertThat(parse("S".repeat(Tick.MAX_SYMBOL_LENGTH),
                "{\"symbol\":\"" + "S".repeat(Tick.MAX_SYMBOL_LENGTH) + "\",\"ts\":1,\"price\":1}"))
                .as("64 characters").isInstanceOf(Accepted.class);
    }

    @Test
    void shouldRejectKeyDifferentFromSymbol() {
        assertThat(reason("ETH-USD", "{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":1}"))
                .isEqualTo(RejectReason.KEY_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"symbol\":\"BTC-USD\",\"ts\":1}", "{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":null}"})
    void shouldRejectMissingPrice(String value) {
        assertThat(reason(KEY, value)).isEqualTo(RejectReason.MISSING_PRICE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"\"", "true", "{\"v\":1}", "[1]", "\"1.2.3\"", "\"0x10\"", "\"1d\""})
    void shouldRejectNonNumericPrice(String price) {
        assertThat(reason(KEY, "{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":" + price + "}"))
                .isEqualTo(RejectReason.NOT_NUMERIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"x\"", "-1", "NaN", "\"Infinity\"", "false"})
    void shouldRejectBadSizeAsNotNumeric(String size) {
        assertThat(reason(KEY, "{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":1,\"size\":" + size + "}"))
                .isEqualTo(RejectReason.NOT_NUMERIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "\"NaN\"", "\"-Infinity\"", "1e400"})
    void shouldRejectNonFinitePrice(String price) {
        assertThat(reason(KEY, "{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":" + price + "}"))
                .isEqualTo(RejectReason.NON_FINITE_PRICE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.0", "-5", "\"-1.5\""})
    void shouldRejectZeroOrNegativePrice(String price) {
        assertThat(reason(KEY, "{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":" + price + "}"))
                .isEqualTo(RejectReason.NON_POSITIVE_PRICE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"ts\":null", ",\"ts\":\"yesterday\"", ",\"ts\":\"2025-13-01T00:00:00\"",
            ",\"ts\":true", ",\"ts\":{}", ",\"ts\":NaN", ",\"ts\":1e300", ",\"ts\":\"2025-01-07T00:00:00 UTC\""})
    void shouldRejectMissingOrUnparseableTimestamp(String tsField) {
        assertThat(reason(KEY, "{\"symbol\":\"BTC-USD\",\"price\":1" + tsField + "}"))
                .isEqualTo(RejectReason.BAD_TIMESTAMP);
    }

    @Test
    void shouldNameTheOffendingValueInTheDetail() {
        TickParseResult result = parse(KEY, "{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":\"abc\"}");
        assertThat(result).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.detail()).contains("price").contains("abc"));
    }

    @Test
    void shouldSkipKeyRulesWhenParsingValueOnly() {
        TickParseResult result = parser.parseValue(
                "{\"symbol\":\"ETH-USD\",\"ts\":1,\"price\":2}".getBytes(StandardCharsets.UTF_8));
        assertThat(result).isEqualTo(new Accepted(new Tick("ETH-USD", 1, 2.0, Double.NaN)));
    }

    @Test
    void shouldReadBackWhatTickJsonWrites() {
        Tick tick = new Tick("BTC-\"USD\"", 1736208060123L, 102228.75, 0.00114705);
        TickParseResult result = parser.parse("BTC-\"USD\"".getBytes(StandardCharsets.UTF_8), TickJson.write(tick));
        assertThat(result).isEqualTo(new Accepted(tick));
    }

    @Test
    void shouldOmitNaNSizeWhenWriting() {
        String json = new String(TickJson.write(new Tick("BTC-USD", 5, 1.5, Double.NaN)), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"symbol\":\"BTC-USD\",\"ts\":5,\"price\":1.5}");
    }

    @Test
    void shouldReadATradeIdGivenAsAStringOrAnInteger() {
        assertThat(accepted("{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":2,\"id\":\"a-7\"}").id()).isEqualTo("a-7");
        assertThat(accepted("{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":2,\"id\":3735683259}").id())
                .as("an integer id is its decimal text, the same id as the string").isEqualTo("3735683259");
        assertThat(accepted("{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":2,\"id\":null}").id()).isNull();
        assertThat(accepted("{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":2}").id()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"  \"", "true", "1.5", "{}", "[1]", "123456789012345678901234567890"})
    void shouldRejectAnIdThatIsNeitherANonBlankStringNorAnInteger(String id) {
        assertThat(reason(KEY, "{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":1,\"id\":" + id + "}"))
                .isEqualTo(RejectReason.BAD_ID);
    }

    @Test
    void shouldRejectAnIdLongerThanTheLimit() {
        String longest = "x".repeat(Tick.MAX_ID_LENGTH);

        assertThat(accepted("{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":1,\"id\":\"" + longest + "\"}").id())
                .isEqualTo(longest);
        assertThat(reason(KEY, "{\"symbol\":\"BTC-USD\",\"ts\":1,\"price\":1,\"id\":\"" + longest + "x\"}"))
                .isEqualTo(RejectReason.BAD_ID);
    }

    @Test
    void shouldWriteTheIdAndReadItBack() {
        Tick trade = new Tick("BTC-USD", 5, 1.5, 0.25, "3735683259");

        String json = new String(TickJson.write(trade), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo("{\"symbol\":\"BTC-USD\",\"ts\":5,\"price\":1.5,\"size\":0.25,\"id\":\"3735683259\"}");
        assertThat(parser.parseValue(TickJson.write(trade))).isEqualTo(new Accepted(trade));
    }
}
