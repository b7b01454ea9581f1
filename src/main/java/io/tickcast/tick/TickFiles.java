package io.tickcast.tick;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
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
 * the Kaggle layout {@code Timestamp,Open,High,Low,Close,Volume_(BTC),...}, {@code DateTime,Close}, exports with
 * dates and times of day apart ({@code Date,Time,Open,High,Low,Close,Volume}), trade
 * files with {@code timestamp} in microseconds, {@code price}, {@code amount} and {@code id}), JSON lines in the tick
 * message format, or a recorded Binance WebSocket session ({@code <receive time in ns> <JSON frame>} a line; see
 * {@link BinanceSessionTickReader}). The format is told by the first non-blank line ({@code {} means JSON lines,
 * digits, a space and {@code {} a recorded session); content that starts as gzip does ({@code 1f 8b}) is gunzipped
 * on the fly, whatever its name, and a name ending in {@code .gz} on other content is refused. Files are streamed,
 * never loaded whole.
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
    /** The first two bytes of every gzip stream (RFC 1952, ID1 and ID2). */
    private static final int GZIP_ID1 = 0x1f;
    private static final int GZIP_ID2 = 0x8b;

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
     * @param file     a CSV, JSON-lines or recorded-session file, possibly gzipped
     * @param symbol   the symbol of CSV ticks (JSON lines and sessions carry their own)
     * @param onBadRow called for every skipped row, on the reading thread
     * @return the reader, positioned before the first tick
     * @throws IOException if the file is missing, a directory, cannot be read or gunzipped, or its CSV header names
     *                     no time or price column (the message names the file)
     */
    public static TickReader open(Path file, String symbol, Consumer<BadRow> onBadRow) throws IOException {
        checkFile(file);
        return open(Files.newInputStream(file), file.toString(), symbol, onBadRow);
    }

    /**
     * Checks that a path names something a tick file can be read from (a file, or a pipe), to fail in one line that
     * says what is wrong before anything else starts.
     *
     * @param file the path given
     * @throws IOException {@code no such file: FILE} or {@code FILE is a directory, not a tick file}
     */
    public static void checkFile(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not a tick file");
        }
        if (!Files.exists(file)) {
            throw new IOException("no such file: " + file);
        }
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
     * @param in       the bytes, possibly gzipped (told by gzip's first bytes)
     * @param name     the name used in messages; one ending in {@code .gz} is refused on bytes that are not gzip
     * @param symbol   the symbol of CSV ticks
     * @param onBadRow called for every skipped row
     * @return the reader
     * @throws IOException if the stream cannot be read or gunzipped or has no usable CSV header (the message names
     *                     it)
     */
    public static TickReader open(InputStream in, String name, String symbol, Consumer<BadRow> onBadRow)
            throws IOException {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(onBadRow, "onBadRow");
        BufferedReader reader = null;
        try {
            reader = text(in, name);
            return open(reader, name, symbol, onBadRow);
        } catch (IOException e) {
            closeQuietly(reader, in, e);
            throw named(e, name);
        } catch (RuntimeException e) {
            closeQuietly(reader, in, e);
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
     * @param file a tick file, possibly gzipped
     * @return its format; CSV for a file with no non-blank line
     * @throws IOException if the file is missing, a directory, or cannot be read or gunzipped (the message names it)
     */
    public static Format formatOf(Path file) throws IOException {
        checkFile(file);
        try (InputStream in = Files.newInputStream(file); BufferedReader reader = text(in, file.toString())) {
            FirstLine first = firstNonBlank(reader);
            return first.text() == null ? Format.CSV : formatOf(first.text());
        } catch (IOException e) {
            throw named(e, file.toString());
        }
    }

    /**
     * What to say when the bytes of {@code where} ({@code file} or {@code file:line}) cannot be read: the cause, and
     * for bytes that end early (a gzip file cut short) that the file may be truncated.
     */
    static String cannotRead(String where, IOException e) {
        return where + ": cannot read: " + e.getMessage()
                + (e instanceof EOFException ? " (the file ends early: is it truncated?)" : "");
    }

    /** {@code e}, or an exception whose message names the file if {@code e}'s does not. */
    private static IOException named(IOException e, String name) {
        String message = e.getMessage();
        return message != null && message.startsWith(name) ? e : new IOException(cannotRead(name, e), e);
    }

    private static void closeQuietly(BufferedReader reader, InputStream in, Exception failure) {
        try {
            if (reader != null) {
                reader.close();
            } else {
                in.close();
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** The bytes as UTF-8 text, gunzipped if they start as gzip does. */
    private static BufferedReader text(InputStream in, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        boolean gzip = startsAsGzip(buffered);
        if (!gzip && name.endsWith(".gz")) {
            throw new IOException(name + ": not gzip: its name ends in .gz but it does not start as gzip does (1f 8b)");
        }
        InputStream raw = gzip ? new GZIPInputStream(buffered, BUFFER) : buffered;
        return new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), BUFFER);
    }

    private static boolean startsAsGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == GZIP_ID1 && in.read() == GZIP_ID2;
        in.reset();
        return gzip;
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
            return new CsvTickReader(reader, name, new CsvLayout(',', 0, -1, 0, -1, -1, -1), symbol, linesRead,
                    onBadRow);
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
