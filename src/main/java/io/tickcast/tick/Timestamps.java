package io.tickcast.tick;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Parsing of the timestamps found in tick messages and tick files into epoch milliseconds.
 * Stateless and thread-safe.
 */
public final class Timestamps {

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffset("+HH:MM:ss", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendLiteral('[')
            .appendZoneRegionId()
            .appendLiteral(']')
            .optionalEnd()
            .optionalEnd()
            .toFormatter();

    private static final double SECONDS_LIMIT = 1e11;
    private static final double MILLIS_LIMIT = 1e14;
    private static final double MICROS_LIMIT = 1e17;

    private Timestamps() {
    }

    /**
     * Parses an ISO-8601 date or date-time: {@code 2025-01-07}, {@code 2025-01-07T00:01:00},
     * {@code 2025-01-07 00:01:00.250}, {@code 2025-01-07T00:01:00Z}, {@code 2025-01-07T01:01:00+01:00} (or {@code +0100}).
     * A space may replace the {@code T}; fractional seconds (up to nanoseconds) are allowed; a date-time
     * without zone or offset is UTC; a bare date is its midnight UTC.
     *
     * @param text the timestamp text, surrounding blanks ignored
     * @return epoch milliseconds (sub-millisecond digits are truncated)
     * @throws DateTimeException if the text is not such a timestamp
     */
    public static long parseIso(String text) {
        String s = text.strip();
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        TemporalAccessor parsed = ISO.parse(s);
        LocalDate date = LocalDate.from(parsed);
        LocalTime time = parsed.isSupported(ChronoField.NANO_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
        ZoneId zone = parsed.query(TemporalQueries.zone());
        ZoneId effective = zone == null ? ZoneOffset.UTC : zone;
        return date.atTime(time).atZone(effective).toInstant().toEpochMilli();
    }

    /**
     * Converts a unix timestamp of unknown unit to epoch milliseconds, choosing the unit by magnitude:
     * below 1e11 seconds, below 1e14 milliseconds, below 1e17 microseconds, otherwise nanoseconds. This is
     * unambiguous for every instant between 1973 and 5138.
     *
     * @param value the unix timestamp, possibly fractional
     * @return epoch milliseconds, rounded down
     * @throws DateTimeException if the value is not finite or negative
     */
    public static long unixToMillis(double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new DateTimeException("not a unix timestamp: " + value);
        }
        if (value < SECONDS_LIMIT) {
            return (long) Math.floor(value * 1_000d);
        }
        if (value < MILLIS_LIMIT) {
            return (long) Math.floor(value);
        }
        if (value < MICROS_LIMIT) {
            return (long) Math.floor(value / 1_000d);
        }
        return (long) Math.floor(value / 1_000_000d);
    }

    /**
     * Parses a unix timestamp of unknown unit (see {@link #unixToMillis(double)}) or else an ISO-8601 one
     * (see {@link #parseIso(String)}). Integer texts are converted without going through {@code double}.
     *
     * @param text the timestamp text
     * @return epoch milliseconds
     * @throws DateTimeException if the text is neither
     */
    public static long parseUnixOrIso(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new DateTimeException("empty timestamp");
        }
        if (looksNumeric(s)) {
            try {
                return unixToMillis(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                throw new DateTimeException("not a timestamp: " + s, e);
            }
        }
        return parseIso(s);
    }

    private static boolean looksNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || (c == '-' && i == 0))) {
                return false;
            }
        }
        return true;
    }
}
