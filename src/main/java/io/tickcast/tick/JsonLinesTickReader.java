package io.tickcast.tick;

import io.tickcast.tick.TickParseResult.Accepted;
import io.tickcast.tick.TickParseResult.Rejected;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Reads JSON lines, one tick message (the {@link TickParser} format) per line. */
final class JsonLinesTickReader extends LineTickReader {

    private final TickParser parser = new TickParser();

    JsonLinesTickReader(BufferedReader in, String source, long linesAlreadyRead, String firstLine,
                        Consumer<BadRow> onBadRow) {
        super(in, source, linesAlreadyRead, firstLine, onBadRow);
    }

    @Override
    Tick parseLine(String line) {
        TickParseResult result = parser.parseValue(line.getBytes(StandardCharsets.UTF_8));
        if (result instanceof Accepted accepted) {
            return accepted.tick();
        }
        Rejected rejected = (Rejected) result;
        throw new IllegalArgumentException(rejected.reason() + ": " + rejected.detail());
    }
}
