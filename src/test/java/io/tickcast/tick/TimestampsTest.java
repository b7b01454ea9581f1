package io.tickcast.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final long MINUTE = 1736208060000L;

    @Test
    void shouldDetectUnixUnitByMagnitude() {
        assertThat(Timestamps.parseUnixOrIso("1736208060")).isEqualTo(MINUTE);
        assertThat(Timestamps.parseUnixOrIso("1736208060.5")).isEqualTo(MINUTE + 500);
        assertThat(Timestamps.parseUnixOrIso("1.73620806E9")).isEqualTo(MINUTE);
        assertThat(Timestamps.parseUnixOrIso("1736208060000")).isEqualTo(MINUTE);
        assertThat(Timestamps.parseUnixOrIso("1736208060000123")).isEqualTo(MINUTE);
        assertThat(Timestamps.parseUnixOrIso("1736208060000123456")).isEqualTo(MINUTE);
    }

    @Test
    void shouldParseIsoDatesAndDateTimes() {
        assertThat(Timestamps.parseUnixOrIso("2025-01-07")).isEqualTo(1736208000000L);
        assertThat(Timestamps.parseUnixOrIso("2025-01-07 00:01")).isEqualTo(MINUTE);
        assertThat(Timestamps.parseUnixOrIso("2025-01-07T00:01:00Z")).isEqualTo(MINUTE);
        assertThat(Timestamps.parseUnixOrIso("2025-01-06T19:01:00-05:00")).isEqualTo(MINUTE);
        assertThat(Timestamps.parseUnixOrIso("2025-01-07T01:01:00+0100")).isEqualTo(MINUTE);
        assertThat(Timestamps.parseUnixOrIso("2025-01-07T05:31:00+05:30[Asia/Kolkata]")).isEqualTo(MINUTE);
        assertThat(Timestamps.parseUnixOrIso("2025-01-07t00:01:00.001z")).isEqualTo(MINUTE + 1);
    }

    @Test
    void shouldReadADateAndATimeOfDayGivenApartAsTheOneIsoTimestampTheyMake() {
        assertThat(Timestamps.parseIsoDateAndTime(" 2025-01-07 ", "00:01")).isEqualTo(MINUTE);
        assertThat(Timestamps.parseIsoDateAndTime("2025-01-07", "00:01:00.001z")).isEqualTo(MINUTE + 1);
        assertThat(Timestamps.parseIsoDateAndTime("2025-01-06", "19:01:00-05:00"))
                .isEqualTo(Timestamps.parseIso("2025-01-06T19:01:00-05:00"));
        assertThat(Timestamps.parseIsoDateAndTime("2025-01-06", "24:00"))
                .isEqualTo(Timestamps.parseIso("2025-01-06T24:00")).isEqualTo(MINUTE - 60_000);
    }

    @Test
    void shouldRejectTextThatIsNoTimestamp() {
        assertThatThrownBy(() -> Timestamps.parseUnixOrIso("soon")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Timestamps.parseUnixOrIso("")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Timestamps.parseUnixOrIso("-5")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Timestamps.parseUnixOrIso("1.2.3")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void shouldAcceptAnOffsetOfWholeHoursAsPostgresWritesIt() {
        assertThat(Timestamps.parseUnixOrIso("2025-01-07 00:01:00+00")).isEqualTo(MINUTE);
        assertThat(Timestamps.parseUnixOrIso("2025-01-07 05:01:00.000+05")).isEqualTo(MINUTE);
        assertThat(Timestamps.parseUnixOrIso("2025-01-06T21:01:00-03")).isEqualTo(MINUTE);
    }

    @Test
    void shouldQuoteTheTextAsWrittenWhenItIsNoTimestamp() {
        assertThatThrownBy(() -> Timestamps.parseUnixOrIso("01/07/2025 10:00"))
                .isInstanceOf(DateTimeException.class)
                .hasMessageStartingWith("Text '01/07/2025 10:00' could not be parsed");
        assertThatThrownBy(() -> Timestamps.parseUnixOrIso(" 2025-01-07 25:00 "))
                .hasMessageStartingWith("Text '2025-01-07 25:00' could not be parsed");
    }

    @Test
    void shouldConvertIntegerNanosecondsToMillisecondsWithoutRounding() {
        assertThat(Timestamps.parseUnixOrIso("1736208060120999999")).isEqualTo(MINUTE + 120);
        assertThat(Timestamps.parseUnixOrIso("1736208060999999999")).isEqualTo(MINUTE + 999);
        assertThat(Timestamps.parseUnixOrIso("1736208060120999")).isEqualTo(MINUTE + 120);
        assertThat(Timestamps.parseUnixOrIso("+1736208060")).isEqualTo(MINUTE);
    }
}
