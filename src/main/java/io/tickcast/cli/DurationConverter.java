package io.tickcast.cli;

import java.time.Duration;

import io.tickcast.config.Durations;
import picocli.CommandLine;

/** Reads duration flags as the config file writes durations: {@code 90s}, {@code 5m}, {@code 500ms}, {@code PT2M}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
