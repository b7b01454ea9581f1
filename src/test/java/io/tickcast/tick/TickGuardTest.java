package io.tickcast.tick;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickGuardTest {

    private static final long TOLERANCE = 5_000;

    private static Tick tick(long ts, double price, double size) {
        return new Tick("BTC-USD", ts, price, size);
    }

    @Test
    void shouldAcceptTheFirstTickOfASymbolAndRememberIt() {
        TickGuard.Verdict v = TickGuard.check(null, tick(1_000, 10, 1), TOLERANCE);

        assertThat(v).isEqualTo(new TickGuard.Accepted(new LastTick(1_000, 10, 1)));
    }

    @Test
    void shouldRejectAnExactDuplicateOfTheLatestTick() {
        TickGuard.Verdict v = TickGuard.check(new LastTick(1_000, 10, 1), tick(1_000, 10, 1), TOLERANCE);

        assertThat(v).isInstanceOf(TickGuard.Rejected.class);
        assertThat(((TickGuard.Rejected) v).reason()).isEqualTo(RejectReason.DUPLICATE);
    }

    @Test
    void shouldAcceptATradeAtTheSameTimeWithAnotherPriceOrSize() {
        assertThat(TickGuard.check(new LastTick(1_000, 10, 1), tick(1_000, 10, 2), TOLERANCE))
                .isInstanceOf(TickGuard.Accepted.class);
        assertThat(TickGuard.check(new LastTick(1_000, 10, 1), tick(1_000, 11, 1), TOLERANCE))
                .isInstanceOf(TickGuard.Accepted.class);
    }

    @Test
    void shouldRejectATickOlderThanTheLatestByMoreThanTheTolerance() {
        TickGuard.Verdict v = TickGuard.check(new LastTick(10_000, 10, 1), tick(4_999, 10, 2), TOLERANCE);

        assertThat(v).isInstanceOf(TickGuard.Rejected.class);
        assertThat(((TickGuard.Rejected) v).reason()).isEqualTo(RejectReason.OUT_OF_ORDER);
        assertThat(((TickGuard.Rejected) v).detail()).contains("5001 ms older", "tolerance 5000 ms");
    }

    @Test
    void shouldAcceptALateTickWithinTheToleranceAndKeepTheLatestEventTime() {
        TickGuard.Verdict v = TickGuard.check(new LastTick(10_000, 10, 1), tick(5_000, 12, 2), TOLERANCE);

        assertThat(v).isEqualTo(new TickGuard.Accepted(new LastTick(10_000, 12, 2)));
    }

    @Test
    void shouldAcceptTradesThatShareTimePriceAndSizeWhenTheirIdsDiffer() {
        TickGuard.Verdict v = TickGuard.check(new LastTick(1_000, 10, 1, "41"), trade(1_000, 10, 1, "42"), TOLERANCE);

        assertThat(v).as("two fills of one order: same millisecond, price and size, different trades")
                .isEqualTo(new TickGuard.Accepted(new LastTick(1_000, 10, 1, "42")));
    }

    @Test
    void shouldRejectATickWithTheIdOfTheLatestAsADuplicate() {
        TickGuard.Verdict v = TickGuard.check(new LastTick(1_000, 10, 1, "42"), trade(1_000, 10, 1, "42"), TOLERANCE);

        assertThat(v).isInstanceOf(TickGuard.Rejected.class);
        assertThat(((TickGuard.Rejected) v).reason()).isEqualTo(RejectReason.DUPLICATE);
        assertThat(((TickGuard.Rejected) v).detail()).contains("same id 42");
    }

    @Test
    void shouldCompareTimePriceAndSizeWhenEitherTickHasNoId() {
        assertThat(TickGuard.check(new LastTick(1_000, 10, 1), trade(1_000, 10, 1, "42"), TOLERANCE))
                .isInstanceOf(TickGuard.Rejected.class);
        assertThat(TickGuard.check(new LastTick(1_000, 10, 1, "42"), tick(1_000, 10, 1), TOLERANCE))
                .isInstanceOf(TickGuard.Rejected.class);
        assertThat(TickGuard.check(new LastTick(1_000, 10, 1, "42"), tick(1_000, 10, 2), TOLERANCE))
                .isInstanceOf(TickGuard.Accepted.class);
    }

    @Test
    void shouldRememberTheIdOfALateTickWithTheLatestEventTime() {
        TickGuard.Verdict v = TickGuard.check(new LastTick(10_000, 10, 1, "7"), trade(5_000, 12, 2, "8"), TOLERANCE);

        assertThat(v).isEqualTo(new TickGuard.Accepted(new LastTick(10_000, 12, 2, "8")));
    }

    private static Tick trade(long ts, double price, double size, String id) {
        return new Tick("BTC-USD", ts, price, size, id);
    }
}
