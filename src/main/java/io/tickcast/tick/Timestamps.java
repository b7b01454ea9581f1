package io.tickcast.tick;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Parsing of the timestamps found in tick messages and tick files into epoch milliseconds.
 * Stateless and thread-safe.
 */
public final class Timestamps {

    /** An ISO-8601 date, {@code 2025-01-07}. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .toFormatter();

    /**
     * A time of day, {@code HH:mm[:ss[.fraction]]}, optionally with an offset ({@code Z}, {@code +01:00},
     * {@code +0100}, {@code +01}) and then a zone in brackets.
     */
    private static final DateTimeFormatter TIME_OF_DAY = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart()
            .appendOffset("+HH:MM:ss", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .optionalStart()
            .appendLiteral('[')
            .appendZoneRegionId()
            .appendLiteral(']')
            .optionalEnd()
            .toFormatter();

    /** A date, or a date, {@code T} and a time of day. */
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .append(DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(TIME_OF_DAY)
            .optionalEnd()
            .toFormatter();

    private static final double SECONDS_LIMIT = 1e11;
    private static final double MILLIS_LIMIT = 1e14;
    private static final double MICROS_LIMIT = 1e17;

    private Timestamps() {
    }

    /**
     * Parses an ISO-8601 date or date-time: {@code 2025-01-07}, {@code 2025-01-07T00:01:00},
     * {@code 2025-01-07 00:01:00.250}, {@code 2025-01-07T00:01:00Z}, {@code 2025-01-07T01:01:00+01:00} (or {@code +0100}, or {@code +01} as PostgreSQL writes it).
     * A space may replace the {@code T}; fractional seconds (up to nanoseconds) are allowed; a date-time
     * without zone or offset is UTC; a bare date is its midnight UTC.
     *
     * @param text the timestamp text, surrounding blanks ignored
     * @return epoch milliseconds (sub-millisecond digits are truncated)
     * @throws DateTimeException if the text is not such a timestamp (the message quotes the text as given)
     */
    public static long parseIso(String text) {
        String original = text.strip();
        String s = original;
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        TemporalAccessor parsed;
        try {
            parsed = ISO.parse(s);
        } catch (DateTimeParseException e) {
            throw quotingOriginal(e, original);
        }
        return toEpochMilli(LocalDate.from(parsed), parsed);
    }

    /**
     * Parses a date and a time of day given apart, as in files with a date column and a time column: the date as
     * {@link #parseIso(String)} takes it without a time ({@code 2019-08-12}), the time as it takes the part after
     * the {@code T} ({@code 14:05}, {@code 14:05:00.250}, optionally with an offset such as {@code Z} or
     * {@code +01:00}; without one, UTC).
     *
     * @param date the date text, surrounding blanks ignored
     * @param time the time text, surrounding blanks ignored
     * @return epoch milliseconds (sub-millisecond digits are truncated)
     * @throws DateTimeException if either is not such a text (the message quotes it and says which it is)
     */
    public static long parseIsoDateAndTime(String date, String time) {
        LocalDate day;
        try {
            day = LocalDate.from(DATE.parse(date.strip()));
        } catch (DateTimeParseException e) {
            throw new DateTimeException("date '" + date.strip() + "' is not an ISO date (yyyy-MM-dd)", e);
        }
        TemporalAccessor parsed;
        try {
            parsed = TIME_OF_DAY.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw new DateTimeException("time '" + time.strip() + "' is not a time of day"
                    + " (HH:mm[:ss[.fraction]], optionally with an offset such as Z or +01:00)", e);
        }
        // 24:00 is the next day's midnight, as parseIso reads it
        return toEpochMilli(day.plus(parsed.query(DateTimeFormatter.parsedExcessDays())), parsed);
    }

    /** The instant of {@code date} at the time of day, offset or zone {@code parsed} has: midnight, UTC if none. */
    private static long toEpochMilli(LocalDate date, TemporalAccessor parsed) {
        LocalTime time = parsed.isSupported(ChronoField.NANO_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
        ZoneId zone = parsed.query(TemporalQueries.zone());
        ZoneId effective = zone == null ? ZoneOffset.UTC : zone;
        return date.atTime(time).atZone(effective).toInstant().toEpochMilli();
    }

    /** The parser's exception with the text as given, not the one with its space replaced by {@code T}. */
    private static DateTimeParseException quotingOriginal(DateTimeParseException e, String original) {
        String message = e.getMessage();
        int end = message.indexOf("' could not be parsed");
        String rest = end < 0 ? ": " + message : message.substring(end + 1);
        return new DateTimeParseException("Text '" + original + "'" + rest, original, e.getErrorIndex(), e);
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
        Long integer = integerOrNull(s);
        if (integer != null) {
            return unixToMillis(integer);
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

    /**
     * As {@link #unixToMillis(double)}, in integer arithmetic: exact at every magnitude (a {@code double} has 53 bits,
     * so nanoseconds of today would be rounded to 256 ns and could cross a millisecond).
     */
    private static long unixToMillis(long value) {
        if (value < 0) {
            throw new DateTimeException("not a unix timestamp: " + value);
        }
        if (value < (long) SECONDS_LIMIT) {
            return value * 1_000L;
        }
        if (value < (long) MILLIS_LIMIT) {
            return value;
        }
        return value < (long) MICROS_LIMIT ? value / 1_000L : value / 1_000_000L;
    }

    /** @return the value of an integer text (digits, optionally signed) that fits a long, else null */
    private static Long integerOrNull(String s) {
        int start = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        if (start == s.length() || s.length() - start > 19) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
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
