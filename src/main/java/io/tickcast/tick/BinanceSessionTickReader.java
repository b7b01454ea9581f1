package io.tickcast.tick;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a recorded Binance WebSocket session, one frame a line: {@code <local receive time, unix ns> <raw JSON
 * frame>}, the frame either from a combined stream ({@code {"stream":"btcusdt@trade","data":{...}}}) or a bare event.
 * Every {@code trade} event is a tick: symbol {@code s}, time {@code T} (the trade time, epoch ms; the receive time
 * is not used, since the recorder's clock is not the exchange's), price {@code p}, size {@code q}, id {@code t}.
 * Frames of other streams (book tickers, depth updates, snapshots) are not ticks and are passed over without being
 * counted as skipped rows; a line that is not a frame, or a trade event that is not a valid tick, is a bad row.
 */
final class BinanceSessionTickReader extends LineTickReader {

    /** The first line of such a file: a receive time in digits, one space, a JSON object. */
    static final Pattern FIRST_LINE = Pattern.compile("^\\d{10,20} \\{.*");

    private static final ObjectMapper JSON = new ObjectMapper();

    BinanceSessionTickReader(BufferedReader in, String source, long linesAlreadyRead, String firstLine,
                             Consumer<BadRow> onBadRow) {
        super(in, source, linesAlreadyRead, firstLine, onBadRow);
    }

    @Override
    Tick parseLine(String line) {
        int space = line.indexOf(' ');
        if (space <= 0 || !line.substring(0, space).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not '<receive time in ns> <JSON frame>'");
        }
        JsonNode frame;
        try {
            frame = JSON.readTree(line.substring(space + 1));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("frame is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode event = frame.has("data") ? frame.get("data") : frame;
        if (!"trade".equals(event.path("e").asText(null))) {
            return null;
        }
        String symbol = event.path("s").asText("");
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("trade event without a symbol 's'");
        }
        JsonNode time = event.path("T");
        if (!time.canConvertToLong() || !time.isIntegralNumber()) {
            throw new IllegalArgumentException("trade event without an integral trade time 'T'");
        }
        double price = number(event, "p");
        if (!Double.isFinite(price) || price <= 0) {
            throw new IllegalArgumentException("trade price 'p' is not a finite positive number: " + event.get("p"));
        }
        double size = number(event, "q");
        if (!Double.isFinite(size) || size < 0) {
            throw new IllegalArgumentException("trade quantity 'q' is not a finite number >= 0: " + event.get("q"));
        }
        JsonNode id = event.path("t");
        return new Tick(symbol, time.asLong(), price, size, id.isIntegralNumber() ? id.asText() : null);
    }

    /** A number Binance writes as a JSON string (or, leniently, as a number); NaN if it is neither. */
    private static double number(JsonNode event, String field) {
        JsonNode node = event.path(field);
        if (node.isNumber()) {
            return node.asDouble();
        }
        Double parsed = node.isTextual() ? NumberText.parse(node.asText()) : null;
        return parsed == null ? Double.NaN : parsed;
    }
}
