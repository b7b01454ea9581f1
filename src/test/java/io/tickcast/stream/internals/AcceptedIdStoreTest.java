package io.tickcast.stream.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptedIdStoreTest {

    @Test
    void shouldGiveEverySymbolIdAndTimeAKeyOfItsOwn() {
        assertThat(AcceptedIdStore.key("AB", "C", 5)).isNotEqualTo(AcceptedIdStore.key("A", "BC", 5));
        assertThat(AcceptedIdStore.key("BTC-USD", "42", 5)).isEqualTo(AcceptedIdStore.key("BTC-USD", "42", 5))
                .isNotEqualTo(AcceptedIdStore.key("BTC-USD", "42", 6))
                .isNotEqualTo(AcceptedIdStore.key("BTC-USD", "43", 5));
    }

    @Test
    void shouldSortASymbolsKeysByTimeWhateverTheirIds() {
        assertThat(AcceptedIdStore.key("BTC-USD", "9", -1)).isLessThan(AcceptedIdStore.key("BTC-USD", "1", 0));
        assertThat(AcceptedIdStore.key("BTC-USD", "99", 1_736_208_000_000L))
                .isLessThan(AcceptedIdStore.key("BTC-USD", "1", 1_736_208_000_001L));
        assertThat(AcceptedIdStore.key("BTC-USD", "1", 255)).isLessThan(AcceptedIdStore.key("BTC-USD", "1", 256));
    }

    @Test
    void shouldKeepEachSymbolsKeysApartFromAnotherSymbolsThatItPrefixes() {
        assertThat(AcceptedIdStore.key("BTC", "1", Long.MAX_VALUE))
                .isLessThan(AcceptedIdStore.key("BTC-USD", "1", Long.MIN_VALUE));
    }
}
