package io.tickcast.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as the config file and the CLI write them: {@code 500ms}, {@code 30s}, {@code 1m}, {@code 2h}, {@code 1d}, or ISO-8601 {@code PT1M30S}. */
public final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * @param text a positive or zero amount followed by a unit: ms, s, m, h or d; or a positive or zero ISO-8601
     *             duration
     * @return the duration
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static Duration parse(String text) {
        String trimmed = text.trim();
        if (trimmed.regionMatches(true, 0, "P", 0, 1)) {
            Duration iso;
            try {
                iso = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT1M30S", e);
            }
            if (iso.isNegative()) {
                throw new IllegalArgumentException("'" + text + "' is negative; a duration here must not be");
            }
            return iso;
        }
        Matcher m = FORMAT.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 30s, 1m, 2h, 1d or PT1M30S");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** A duration as the configuration writes it: {@code 5s}, {@code 2m}, {@code 12h}, {@code 30d}, {@code 250ms}. */
    public static String text(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
