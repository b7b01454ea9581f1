package io.tickcast.tick;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void shouldForgetExactlyTheIdsBeforeTheGivenTime() {
        RecentIds ids = new RecentIds();
        ids.add("BTC-USD", "1", 1_000);
        ids.add("BTC-USD", "2", 6_000);
        ids.add("BTC-USD", "0", 6_000);
        ids.add("BTC-USD", "3", 6_001);

        ids.forgetBefore("BTC-USD", 6_000);

        assertThat(ids.contains("BTC-USD", "1", 1_000)).isFalse();
        assertThat(ids.contains("BTC-USD", "2", 6_000)).as("at the time itself").isTrue();
        assertThat(ids.contains("BTC-USD", "0", 6_000)).isTrue();
        assertThat(ids.contains("BTC-USD", "3", 6_001)).isTrue();
        assertThat(ids.size("BTC-USD")).isEqualTo(3);
    }

    @Test
    void shouldForgetALateIdThatArrivedAfterNewerOnesByItsOwnTime() {
        RecentIds ids = new RecentIds();
        ids.add("BTC-USD", "2", 10_000);
        ids.add("BTC-USD", "1", 6_000);
        ids.add("BTC-USD", "3", 10_500);

        ids.forgetBefore("BTC-USD", 8_000);

        assertThat(ids.contains("BTC-USD", "1", 6_000)).isFalse();
        assertThat(ids.contains("BTC-USD", "2", 10_000)).isTrue();
        assertThat(ids.contains("BTC-USD", "2", 10_001)).as("another event time").isFalse();
    }

    @Test
    void shouldKeepEachSymbolsIdsApart() {
        RecentIds ids = new RecentIds();
        ids.add("BTC-USD", "1", 1_000);
        ids.add("ETH-USD", "1", 100_000);

        ids.forgetBefore("ETH-USD", 95_000);

        assertThat(ids.contains("BTC-USD", "1", 1_000)).as("another symbol's time does not forget it").isTrue();
        assertThat(ids.contains("ETH-USD", "1", 1_000)).isFalse();
        assertThat(ids.contains("ETH-USD", "1", 100_000)).isTrue();
    }
}
