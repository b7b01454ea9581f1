package io.tickcast.tick;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the time, price and size are in the rows of a tick CSV file, found from its header line.
 *
 * @param delimiter   the field separator: the most frequent of comma, semicolon and tab in the header
 * @param timeColumn  index of the timestamp column, or of the time of day when there is a date column
 * @param dateColumn  index of the date column whose rows' dates the time column's times of day are on, or -1 if the
 *                    time column holds whole timestamps
 * @param priceColumn index of the close or price column
 * @param sizeColumn  index of the size column, or -1 if there is none
 * @param idColumn    index of the trade id column, or -1 if there is none
 * @param symbolColumn index of the symbol column, or -1 if there is none (every row then gets the caller's symbol)
 */
record CsvLayout(char delimiter, int timeColumn, int dateColumn, int priceColumn, int sizeColumn, int idColumn,
                 int symbolColumn) {

    /**
     * Time column names, best first; matched case-insensitively against the whole header name. A header with a
     * {@value #TIME_OF_DAY_NAME} and a {@value #DATE_NAME} column, and none named before them here, has dates and times
     * of day apart, as many exports do ({@code Date,Time,Open,High,Low,Close,Volume}): they are read as one.
     */
    static final List<String> TIME_NAMES = List.of("timestamp", "ts", "time", "datetime", "date_time", "date",
            "unix", "unix_timestamp", "time_stamp", "epoch", "open_time", "opentime");
    /** The name of a time column that holds times of day when a {@value #DATE_NAME} column holds the dates. */
    static final String TIME_OF_DAY_NAME = "time";
    /** The name of the date column of a file with dates and times of day apart. */
    static final String DATE_NAME = "date";
    /** Price column names, best first. */
    static final List<String> PRICE_NAMES = List.of("close", "price", "last", "close_price", "last_price", "closeprice");
    /** Size column names, best first; a name starting with {@code volume} (e.g. {@code Volume_(BTC)}) comes last. */
    static final List<String> SIZE_NAMES = List.of("size", "amount", "qty", "quantity", "volume", "vol");
    /** Trade id column names, best first. */
    static final List<String> ID_NAMES = List.of("id", "trade_id", "tradeid", "trade id");
    /** Symbol column names, best first: a file of several instruments gives each row its own. */
    static final List<String> SYMBOL_NAMES = List.of("symbol", "pair", "ticker", "instrument");

    /**
     * Reads a header line.
     *
     * @param header the first line of the file
     * @return the layout
     * @throws IllegalArgumentException naming the expected names if there is no time or no price column
     */
    static CsvLayout fromHeader(String header) {
        char delimiter = delimiterOf(header);
        List<String> names = new ArrayList<>();
        for (String field : split(header, delimiter)) {
            names.add(field.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT));
        }
        int time = find(names, TIME_NAMES);
        int price = find(names, PRICE_NAMES);
        if (time < 0) {
            throw new IllegalArgumentException("no timestamp column in header " + names + "; expected one of " + TIME_NAMES);
        }
        if (price < 0) {
            throw new IllegalArgumentException("no price column in header " + names + "; expected one of " + PRICE_NAMES);
        }
        int date = names.get(time).equals(TIME_OF_DAY_NAME) ? names.indexOf(DATE_NAME) : -1;
        int size = find(names, SIZE_NAMES);
        if (size < 0) {
            size = indexStartingWith(names, "volume");
        }
        return new CsvLayout(delimiter, time, date, price, size, find(names, ID_NAMES), find(names, SYMBOL_NAMES));
    }

    /** Splits a line at the delimiter; a field in double quotes may contain the delimiter ({@code ""} is a quote). */
    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == delimiter && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static char delimiterOf(String header) {
        char best = ',';
        long bestCount = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static int find(List<String> names, List<String> wanted) {
        for (String name : wanted) {
            int index = names.indexOf(name);
            if (index >= 0) {
                return index;
            }
        }
        return -1;
    }

    private static int indexStartingWith(List<String> names, String prefix) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
