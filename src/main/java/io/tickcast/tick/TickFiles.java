package io.tickcast.tick;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Opens tick files for replay and backtests: CSV with a header (see {@link CsvLayout} for the column
 * names understood: e.g. the bundled Bitstamp minute bars {@code timestamp,open,high,low,close,volume},
 * the Kaggle layout {@code Timestamp,Open,High,Low,Close,Volume_(BTC),...}, {@code DateTime,Close}, trade
 * files with {@code timestamp} in microseconds, {@code price}, {@code amount} and {@code id}), JSON lines in the tick
 * message format, or a recorded Binance WebSocket session ({@code <receive time in ns> <JSON frame>} a line; see
 * {@link BinanceSessionTickReader}). The format is told by the first non-blank line ({@code {} means JSON lines,
 * digits, a space and {@code {} a recorded session); a name ending in {@code .gz} is gunzipped on the fly. Files are
 * streamed, never loaded whole.
 *
 * <p>Rows that are not valid ticks are skipped, counted ({@link TickReader#rowsSkipped()}) and passed to
 * the caller's callback with file and line; a file that has no usable header fails at open.
 */
public final class TickFiles {

    /** The symbol given to CSV ticks when the caller names none. */
    public static final String DEFAULT_SYMBOL = "BTC-USD";

    /**
     * Classpath resource of the bundled default data: Bitstamp BTC/USD one-minute bars, 2025-01-07 to
     * 2025-02-03 (CC BY 4.0, "Bitstamp BTC/USD minute data, github.com/ff137/bitstamp-btcusd-minute-data").
     */
    public static final String BUNDLED_RESOURCE = "/data/bitstamp_btcusd_1min_2025-01-07_to_2025-02-03.csv.gz";

    /** The data sets bundled in the jar, by the name the commands' {@code --bundled} flag takes. */
    public enum Bundled {
        /** {@link #BUNDLED_RESOURCE}: the demo's default. */
        BITSTAMP_MINUTES("bitstamp-minutes", BUNDLED_RESOURCE, "the bundled Bitstamp BTC/USD minute month"),
        /**
         * A recorded Binance spot WebSocket session, 2024-08-08 23:54-23:59 UTC: 9,757 BTCUSDT trades with their ids,
         * beside book-ticker and depth frames (MIT, Copyright (c) 2022 nkaz001@protonmail.com,
         * github.com/nkaz001/hftbacktest; the licence beside it in the jar).
         */
        BINANCE_SESSION("binance-session", "/data/binance_spot_btcusdt_ws_2024-08-08.txt.gz",
                "the bundled Binance BTCUSDT trade session of 2024-08-08");

        private final String flag;
        private final String resource;
        private final String description;

        Bundled(String flag, String resource, String description) {
            this.flag = flag;
            this.resource = resource;
            this.description = description;
        }

        /** @return the name the {@code --bundled} flag takes */
        public String flag() {
            return flag;
        }

        /** @return the classpath resource */
        public String resource() {
            return resource;
        }

        /** @return a phrase for messages, e.g. "the bundled Bitstamp BTC/USD minute month" */
        public String description() {
            return description;
        }

        /**
         * @param flag a name as {@link #flag()} gives it
         * @return the data set
         * @throws IllegalArgumentException naming the known names if there is no such data set
         */
        public static Bundled byFlag(String flag) {
            for (Bundled bundled : values()) {
                if (bundled.flag.equals(flag)) {
                    return bundled;
                }
            }
            throw new IllegalArgumentException("no bundled data set '" + flag + "'; known: "
                    + Arrays.stream(values()).map(Bundled::flag).toList());
        }
    }

    private static final int BUFFER = 1 << 16;

    /** The formats {@link #open} reads. */
    public enum Format {
        /** CSV with a header line. */
        CSV,
        /** JSON lines in the tick message format. */
        JSON_LINES,
        /** A recorded Binance WebSocket session, {@code <receive time in ns> <JSON frame>} a line. */
        BINANCE_SESSION
    }

    private TickFiles() {
    }

    /**
     * Opens a tick file.
     *
     * @param file     a CSV, JSON-lines or recorded-session file, gzipped if its name ends in {@code .gz}
     * @param symbol   the symbol of CSV ticks (JSON lines and sessions carry their own)
     * @param onBadRow called for every skipped row, on the reading thread
     * @return the reader, positioned before the first tick
     * @throws IOException if the file cannot be opened or its CSV header names no time or price column
     *                     (the message names the file)
     */
    public static TickReader open(Path file, String symbol, Consumer<BadRow> onBadRow) throws IOException {
        return open(Files.newInputStream(file), file.toString(), symbol, onBadRow);
    }

    /**
     * Opens the bundled default data set (see {@link #BUNDLED_RESOURCE}), the Bitstamp minute month.
     *
     * @param symbol   the symbol given to its ticks
     * @param onBadRow called for every skipped row
     * @return the reader
     * @throws IllegalStateException if the resource is missing from the classpath
     */
    public static TickReader openBundled(String symbol, Consumer<BadRow> onBadRow) {
        return openBundled(Bundled.BITSTAMP_MINUTES, symbol, onBadRow);
    }

    /**
     * Opens one of the bundled data sets.
     *
     * @param data     which one
     * @param symbol   the symbol given to its ticks if it is CSV (a session's ticks carry their own)
     * @param onBadRow called for every skipped row
     * @return the reader
     * @throws IllegalStateException if the resource is missing from the classpath
     */
    public static TickReader openBundled(Bundled data, String symbol, Consumer<BadRow> onBadRow) {
        InputStream in = TickFiles.class.getResourceAsStream(data.resource());
        if (in == null) {
            throw new IllegalStateException("bundled data " + data.resource() + " is not on the classpath");
        }
        try {
            return open(in, "classpath:" + data.resource(), symbol, onBadRow);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled data " + data.resource(), e);
        }
    }

    /**
     * Opens a tick stream; takes ownership of {@code in} (closed with the reader, or on failure).
     *
     * @param in       the bytes, gzipped if {@code name} ends in {@code .gz}
     * @param name     the name used in messages and to detect gzip
     * @param symbol   the symbol of CSV ticks
     * @param onBadRow called for every skipped row
     * @return the reader
     * @throws IOException if the stream cannot be read or has no usable CSV header
     */
    public static TickReader open(InputStream in, String name, String symbol, Consumer<BadRow> onBadRow)
            throws IOException {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(onBadRow, "onBadRow");
        BufferedReader reader = null;
        try {
            reader = text(in, name);
            return open(reader, name, symbol, onBadRow);
        } catch (IOException | RuntimeException e) {
            if (reader != null) {
                reader.close();
            } else {
                in.close();
            }
            throw e;
        }
    }

    /**
     * The format of a file whose first non-blank line this is, as {@link #open} tells it.
     *
     * @param firstLine the first non-blank line
     * @return the format: {@code {} starts JSON lines, digits, a space and {@code {} a recorded session, anything
     *         else is a CSV header
     */
    public static Format formatOf(String firstLine) {
        String stripped = firstLine.strip().replace("\uFEFF", "");
        if (stripped.startsWith("{")) {
            return Format.JSON_LINES;
        }
        return BinanceSessionTickReader.FIRST_LINE.matcher(stripped).matches() ? Format.BINANCE_SESSION : Format.CSV;
    }

    /**
     * The format of a file, as {@link #open} tells it from its first non-blank line.
     *
     * @param file a tick file, gzipped if its name ends in {@code .gz}
     * @return its format; CSV for a file with no non-blank line
     * @throws IOException if the file cannot be read
     */
    public static Format formatOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); BufferedReader reader = text(in, file.toString())) {
            FirstLine first = firstNonBlank(reader);
            return first.text() == null ? Format.CSV : formatOf(first.text());
        }
    }

    /** The bytes as UTF-8 text, gunzipped if {@code name} ends in {@code .gz}. */
    private static BufferedReader text(InputStream in, String name) throws IOException {
        InputStream raw = name.endsWith(".gz") ? new GZIPInputStream(in, BUFFER) : new BufferedInputStream(in, BUFFER);
        return new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), BUFFER);
    }

    /** @param text the first non-blank line, or null at the end; @param number its 1-based line number */
    private record FirstLine(String text, long number) {
    }

    private static FirstLine firstNonBlank(BufferedReader reader) throws IOException {
        String line = reader.readLine();
        long number = 1;
        while (line != null && line.isBlank()) {
            line = reader.readLine();
            number++;
        }
        return new FirstLine(line, number);
    }

    private static TickReader open(BufferedReader reader, String name, String symbol, Consumer<BadRow> onBadRow)
            throws IOException {
        FirstLine first = firstNonBlank(reader);
        long linesRead = first.number();
        if (first.text() == null) {
            return new CsvTickReader(reader, name, new CsvLayout(',', 0, 0, -1, -1, -1), symbol, linesRead, onBadRow);
        }
        return switch (formatOf(first.text())) {
            case JSON_LINES -> new JsonLinesTickReader(reader, name, linesRead - 1, first.text(), onBadRow);
            case BINANCE_SESSION -> new BinanceSessionTickReader(reader, name, linesRead - 1, first.text(), onBadRow);
            case CSV -> csv(reader, name, first.text(), linesRead, symbol, onBadRow);
        };
    }

    private static TickReader csv(BufferedReader reader, String name, String header, long headerLine, String symbol,
                                  Consumer<BadRow> onBadRow) throws IOException {
        try {
            return new CsvTickReader(reader, name, CsvLayout.fromHeader(header), symbol, headerLine, onBadRow);
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ":" + headerLine + ": " + e.getMessage(), e);
        }
    }
}
