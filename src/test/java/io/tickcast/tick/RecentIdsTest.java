package io.tickcast.tick;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void shouldKeepEveryIdWithinTheToleranceOfTheLatestEventTimeAndForgetOlderOnes() {
        RecentIds ids = new RecentIds(5_000);
        ids.add("BTC-USD", "1", 1_000, 1_000);
        ids.add("BTC-USD", "2", 6_000, 6_000);
        assertThat(ids.contains("BTC-USD", "1", 1_000)).as("exactly the tolerance old").isTrue();

        ids.add("BTC-USD", "3", 6_001, 6_001);

        assertThat(ids.contains("BTC-USD", "1", 1_000)).isFalse();
        assertThat(ids.contains("BTC-USD", "2", 6_000)).isTrue();
        assertThat(ids.contains("BTC-USD", "3", 6_001)).isTrue();
        assertThat(ids.size("BTC-USD")).isEqualTo(2);
    }

    @Test
    void shouldKeepALateIdThatArrivedAfterNewerOnes() {
        RecentIds ids = new RecentIds(5_000);
        ids.add("BTC-USD", "2", 10_000, 10_000);
        ids.add("BTC-USD", "1", 6_000, 10_000);
        ids.add("BTC-USD", "3", 10_500, 10_500);

        assertThat(ids.contains("BTC-USD", "1", 6_000)).isTrue();
        assertThat(ids.contains("BTC-USD", "1", 6_001)).as("another event time").isFalse();
    }

    @Test
    void shouldKeepEachSymbolsIdsApartAndBoundedByItsOwnTime() {
        RecentIds ids = new RecentIds(5_000);
        ids.add("BTC-USD", "1", 1_000, 1_000);
        ids.add("ETH-USD", "1", 100_000, 100_000);

        assertThat(ids.contains("BTC-USD", "1", 1_000)).as("another symbol's clock does not expire it").isTrue();
        assertThat(ids.contains("ETH-USD", "1", 1_000)).isFalse();
        for (int i = 0; i < 10_000; i++) {
            ids.add("ETH-USD", "t" + i, 100_000 + i, 100_000 + i);
        }
        assertThat(ids.size("ETH-USD")).isEqualTo(5_001);
    }
}
