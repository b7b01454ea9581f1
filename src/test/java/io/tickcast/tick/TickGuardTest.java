package io.tickcast.tick;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TickGuardTest {

    private static final long TOLERANCE = 5_000;
    /** No id accepted before. */
    private static final AcceptedIds NONE = new RecentIds();

    private static Tick tick(long ts, double price, double size) {
        return new Tick("BTC-USD", ts, price, size);
    }

    @Test
    void shouldAcceptTheFirstTickOfASymbolAndRememberIt() {
        TickGuard.Verdict v = TickGuard.check(null, tick(1_000, 10, 1), TOLERANCE, NONE);

        assertThat(v).isEqualTo(new TickGuard.Accepted(new LastTick(1_000, 10, 1)));
    }

    @Test
    void shouldRejectAnExactDuplicateOfTheLatestTick() {
        TickGuard.Verdict v = TickGuard.check(new LastTick(1_000, 10, 1), tick(1_000, 10, 1), TOLERANCE, NONE);

        assertThat(v).isInstanceOf(TickGuard.Rejected.class);
        assertThat(((TickGuard.Rejected) v).reason()).isEqualTo(RejectReason.DUPLICATE);
    }

    @Test
    void shouldAcceptATradeAtTheSameTimeWithAnotherPriceOrSize() {
        assertThat(TickGuard.check(new LastTick(1_000, 10, 1), tick(1_000, 10, 2), TOLERANCE, NONE))
                .isInstanceOf(TickGuard.Accepted.class);
        assertThat(TickGuard.check(new LastTick(1_000, 10, 1), tick(1_000, 11, 1), TOLERANCE, NONE))
                .isInstanceOf(TickGuard.Accepted.class);
    }

    @Test
    void shouldRejectATickOlderThanTheLatestByMoreThanTheTolerance() {
        TickGuard.Verdict v = TickGuard.check(new LastTick(10_000, 10, 1), tick(4_999, 10, 2), TOLERANCE, NONE);

        assertThat(v).isInstanceOf(TickGuard.Rejected.class);
        assertThat(((TickGuard.Rejected) v).reason()).isEqualTo(RejectReason.OUT_OF_ORDER);
        assertThat(((TickGuard.Rejected) v).detail()).contains("5001 ms older", "tolerance 5000 ms");
    }

    @Test
    void shouldAcceptALateTickWithinTheToleranceAndKeepTheLatestEventTime() {
        TickGuard.Verdict v = TickGuard.check(new LastTick(10_000, 10, 1), tick(5_000, 12, 2), TOLERANCE, NONE);

        assertThat(v).isEqualTo(new TickGuard.Accepted(new LastTick(10_000, 12, 2)));
    }

    @Test
    void shouldAcceptTradesThatShareTimePriceAndSizeWhenTheirIdsDiffer() {
        TickGuard.Verdict v = TickGuard.check(new LastTick(1_000, 10, 1, "41"), trade(1_000, 10, 1, "42"), TOLERANCE, NONE);

        assertThat(v).as("two fills of one order: same millisecond, price and size, different trades")
                .isEqualTo(new TickGuard.Accepted(new LastTick(1_000, 10, 1, "42")));
    }

    @Test
    void shouldRejectATickWithTheIdOfTheLatestAsADuplicate() {
        TickGuard.Verdict v = TickGuard.check(new LastTick(1_000, 10, 1, "42"), trade(1_000, 10, 1, "42"), TOLERANCE, NONE);

        assertThat(v).isInstanceOf(TickGuard.Rejected.class);
        assertThat(((TickGuard.Rejected) v).reason()).isEqualTo(RejectReason.DUPLICATE);
        assertThat(((TickGuard.Rejected) v).detail()).contains("same id 42");
    }

    @Test
    void shouldCompareTimePriceAndSizeWhenEitherTickHasNoId() {
        assertThat(TickGuard.check(new LastTick(1_000, 10, 1), trade(1_000, 10, 1, "42"), TOLERANCE, NONE))
                .isInstanceOf(TickGuard.Rejected.class);
        assertThat(TickGuard.check(new LastTick(1_000, 10, 1, "42"), tick(1_000, 10, 1), TOLERANCE, NONE))
                .isInstanceOf(TickGuard.Rejected.class);
        assertThat(TickGuard.check(new LastTick(1_000, 10, 1, "42"), tick(1_000, 10, 2), TOLERANCE, NONE))
                .isInstanceOf(TickGuard.Accepted.class);
    }

    @Test
    void shouldRememberTheIdOfALateTickWithTheLatestEventTime() {
        TickGuard.Verdict v = TickGuard.check(new LastTick(10_000, 10, 1, "7"), trade(5_000, 12, 2, "8"), TOLERANCE, NONE);

        assertThat(v).isEqualTo(new TickGuard.Accepted(new LastTick(10_000, 12, 2, "8")));
    }

    @Test
    void shouldRejectATradeSentAgainAfterOthersWhenItsIdAndTimeWereAccepted() {
        RecentIds accepted = new RecentIds();
        accepted.add("BTC-USD", "41", 1_000);
        accepted.add("BTC-USD", "42", 1_000);
        accepted.add("BTC-USD", "43", 3_000);

        TickGuard.Verdict sameMillisecond = TickGuard.check(new LastTick(3_000, 11, 1, "43"), trade(1_000, 10, 1, "41"),
                TOLERANCE, accepted);
        assertThat(sameMillisecond).isInstanceOf(TickGuard.Rejected.class);
        assertThat(((TickGuard.Rejected) sameMillisecond).reason()).isEqualTo(RejectReason.DUPLICATE);
        assertThat(((TickGuard.Rejected) sameMillisecond).detail())
                .isEqualTo("id 41 at ts 1000 was accepted before for BTC-USD");
    }

    @Test
    void shouldAcceptAnIdSeenBeforeAtAnotherTimeOrForAnotherSymbol() {
        RecentIds accepted = new RecentIds();
        accepted.add("BTC-USD", "41", 1_000);
        accepted.add("ETH-USD", "42", 1_000);

        assertThat(TickGuard.check(new LastTick(2_000, 10, 1, "50"), trade(1_500, 10, 1, "41"), TOLERANCE, accepted))
                .as("the same id at another event time is another report").isInstanceOf(TickGuard.Accepted.class);
        assertThat(TickGuard.check(new LastTick(2_000, 10, 1, "50"), trade(1_000, 10, 1, "42"), TOLERANCE, accepted))
                .as("ids are per symbol").isInstanceOf(TickGuard.Accepted.class);
    }

    @Test
    void shouldNotAskTheIdsAboutATickNewerThanTheLatest() {
        AcceptedIds failing = new AcceptedIds() {
            @Override
            public boolean contains(String symbol, String id, long ts) {
                throw new AssertionError("looked up " + id);
            }

            @Override
            public void add(String symbol, String id, long ts) {
                throw new AssertionError("the verdict only reads");
            }

            @Override
            public void forgetBefore(String symbol, long ts) {
                throw new AssertionError("the verdict only reads");
            }
        };

        assertThat(TickGuard.check(new LastTick(1_000, 10, 1, "41"), trade(1_001, 10, 1, "40"), TOLERANCE, failing))
                .isInstanceOf(TickGuard.Accepted.class);
        assertThat(TickGuard.check(new LastTick(1_000, 10, 1, "41"), tick(900, 10, 2), TOLERANCE, failing))
                .as("no id, nothing to look up").isInstanceOf(TickGuard.Accepted.class);
    }

    @Test
    void shouldRememberAnAcceptedTickAsItsSymbolsLatestAndItsIdAndNothingOfARejectedOne() {
        Map<String, LastTick> latest = new HashMap<>();
        RecentIds ids = new RecentIds();
        TickGuard guard = new TickGuard(TOLERANCE, latest::get, latest::put, ids);

        assertThat(guard.admit(trade(1_000, 10, 1, "41"))).isInstanceOf(TickGuard.Accepted.class);
        assertThat(guard.admit(trade(1_000, 10, 1, "41"))).isInstanceOf(TickGuard.Rejected.class);
        assertThat(guard.admit(trade(900, 11, 2, "40"))).isInstanceOf(TickGuard.Accepted.class);
        assertThat(guard.admit(tick(-10_000, 12, 3))).as("out of order").isInstanceOf(TickGuard.Rejected.class);

        assertThat(latest).containsExactly(Map.entry("BTC-USD", new LastTick(1_000, 11, 2, "40")));
        assertThat(ids.contains("BTC-USD", "41", 1_000)).isTrue();
        assertThat(ids.contains("BTC-USD", "40", 900)).isTrue();
        assertThat(ids.size("BTC-USD")).isEqualTo(2);
        assertThat(guard.admit(trade(900, 11, 2, "40"))).as("sent again after a newer one")
                .isInstanceOf(TickGuard.Rejected.class);
    }

    @Test
    void shouldForgetIdsPastTheToleranceOnlyWhenAnIdMovesItsSymbolsLatestTimeOn() {
        Map<String, LastTick> latest = new HashMap<>();
        List<String> forgotten = new ArrayList<>();
        RecentIds store = new RecentIds();
        AcceptedIds ids = new AcceptedIds() {
            @Override
            public boolean contains(String symbol, String id, long ts) {
                return store.contains(symbol, id, ts);
            }

            @Override
            public void add(String symbol, String id, long ts) {
                store.add(symbol, id, ts);
            }

            @Override
            public void forgetBefore(String symbol, long ts) {
                forgotten.add(symbol + " " + ts);
                store.forgetBefore(symbol, ts);
            }
        };
        TickGuard guard = new TickGuard(TOLERANCE, latest::get, latest::put, ids);

        guard.admit(trade(1_000, 10, 1, "1"));
        guard.admit(trade(1_000, 10, 1, "2"));
        guard.admit(trade(999, 10, 1, "3"));
        guard.admit(tick(7_000, 10, 1));
        guard.admit(trade(7_000, 10, 2, "4"));
        guard.admit(trade(7_001, 10, 1, "5"));
        guard.admit(new Tick("ETH-USD", 50_000, 1, 1, "1"));

        assertThat(forgotten).as("first id, then each id that moved its symbol's time on; not the fills of the same"
                + " millisecond, not the late one, not the tick without an id")
                .containsExactly("BTC-USD -4000", "BTC-USD 2001", "ETH-USD 45000");
        assertThat(store.contains("BTC-USD", "1", 1_000)).isFalse();
        assertThat(store.contains("BTC-USD", "4", 7_000)).isTrue();
        assertThat(store.contains("BTC-USD", "5", 7_001)).isTrue();
    }

    private static Tick trade(long ts, double price, double size, String id) {
        return new Tick("BTC-USD", ts, price, size, id);
    }
}
