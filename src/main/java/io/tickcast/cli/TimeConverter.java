package io.tickcast.cli;

import io.tickcast.tick.Timestamps;
import java.time.DateTimeException;
import picocli.CommandLine;

/** Reads time flags as tick files write times ({@link Timestamps#parseUnixOrIso}), into epoch milliseconds. */
final class TimeConverter implements CommandLine.ITypeConverter<Long> {

    /** The forms accepted, for messages. */
    static final String FORMS = "an ISO-8601 date or date-time (2025-01-07, 2025-01-07T00:02:00Z, "
            + "2025-01-07 01:02:00+01:00; UTC without an offset) or a unix time in s, ms, us or ns (1736208120)";

    @Override
    public Long convert(String value) {
        try {
            return Timestamps.parseUnixOrIso(value);
        } catch (DateTimeException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a time: give " + FORMS);
        }
    }
}
