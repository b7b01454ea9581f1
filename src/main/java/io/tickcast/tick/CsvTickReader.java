package io.tickcast.tick;

import java.io.BufferedReader;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a CSV file whose header names a timestamp column, a close or price column and optionally a size
 * column, a trade id column and a symbol column (see {@link CsvLayout}); without a symbol column every row gets the
 * caller's symbol. Timestamps may be unix seconds, milliseconds, microseconds or
 * nanoseconds (told apart by magnitude) or ISO-8601 (see {@link Timestamps#parseUnixOrIso(String)}), or an ISO date
 * and a time of day in two columns (see {@link Timestamps#parseIsoDateAndTime(String, String)}).
 */
final class CsvTickReader extends LineTickReader {

    /** A time column's value that is not taken for a unix time (a compact time of day such as {@code 140500}). */
    private static final Pattern FEW_DIGITS = Pattern.compile("\\d{1,6}");

    private final CsvLayout layout;
    private final String symbol;
    private final int minFields;

    CsvTickReader(BufferedReader in, String source, CsvLayout layout, String symbol, long headerLine,
                  Consumer<BadRow> onBadRow) {
        super(in, source, headerLine, null, onBadRow);
        this.layout = layout;
        this.symbol = symbol;
        this.minFields = Math.max(Math.max(layout.timeColumn(), layout.dateColumn()), layout.priceColumn()) + 1;
    }

    @Override
    Tick parseLine(String line) {
        List<String> fields = CsvLayout.split(line, layout.delimiter());
        if (fields.size() < minFields) {
            throw new IllegalArgumentException("expected at least " + minFields + " fields, found " + fields.size());
        }
        String time = fields.get(layout.timeColumn());
        long ts = layout.dateColumn() < 0 ? Timestamps.parseUnixOrIso(time)
                : dateAndTime(fields.get(layout.dateColumn()), time);
        String priceText = fields.get(layout.priceColumn());
        Double price = NumberText.parse(priceText);
        if (price == null || !Double.isFinite(price) || price <= 0) {
            throw new IllegalArgumentException("price is not a finite positive number: '" + priceText.strip() + "'");
        }
        return new Tick(symbol(fields), ts, price, size(fields), id(fields));
    }

    private String symbol(List<String> fields) {
        int column = layout.symbolColumn();
        if (column < 0) {
            return symbol;
        }
        String text = column < fields.size() ? fields.get(column).strip() : "";
        if (text.isEmpty()) {
            throw new IllegalArgumentException("no symbol in column " + (column + 1));
        }
        String problem = Tick.symbolProblem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return text;
    }

    private String id(List<String> fields) {
        int column = layout.idColumn();
        if (column < 0 || column >= fields.size()) {
            return null;
        }
        String id = fields.get(column).strip();
        if (id.isEmpty()) {
            return null;
        }
        if (id.length() > Tick.MAX_ID_LENGTH) {
            throw new IllegalArgumentException("id is longer than " + Tick.MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    private double size(List<String> fields) {
        int column = layout.sizeColumn();
        if (column < 0 || column >= fields.size()) {
            return Double.NaN;
        }
        Double size = NumberText.parse(fields.get(column));
        return size != null && Double.isFinite(size) && size >= 0 ? size : Double.NaN;
    }

    /**
     * A row's date and time of day; a time column that holds whole timestamps (unix or ISO-8601) beside a date column
     * is read alone, as it was before dates and times apart were joined. Six digits or fewer are not taken for a unix
     * time (a compact time of day such as {@code 140500} would be read as 1970).
     */
    private static long dateAndTime(String date, String time) {
        try {
            return Timestamps.parseIsoDateAndTime(date, time);
        } catch (java.time.DateTimeException notADateAndTime) {
            if (FEW_DIGITS.matcher(time.strip()).matches()) {
                throw notADateAndTime;
            }
            try {
                return Timestamps.parseUnixOrIso(time);
            } catch (RuntimeException notATimestamp) {
                throw notADateAndTime;
            }
        }
    }
}
