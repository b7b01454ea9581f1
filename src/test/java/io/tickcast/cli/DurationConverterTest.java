package io.tickcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void shouldParseHumanDurations() {
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(converter.convert("PT1H")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldRefuseANegativeDurationAsTheConfigurationDoes() {
        assertThatThrownBy(() -> converter.convert("PT-1M")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessage("'PT-1M' is negative; a duration here must not be");
    }
}
