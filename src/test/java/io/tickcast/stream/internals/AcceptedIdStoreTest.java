package io.tickcast.stream.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptedIdStoreTest {

    @Test
    void shouldGiveEverySymbolAndIdPairAKeyOfItsOwn() {
        assertThat(AcceptedIdStore.key("AB", "C", 5)).isNotEqualTo(AcceptedIdStore.key("A", "BC", 5));
        assertThat(AcceptedIdStore.key("1:A", "B", 5)).isNotEqualTo(AcceptedIdStore.key("1", ":AB", 5));
        assertThat(AcceptedIdStore.key("A", "1:2", 5)).as("the time ends at the first colon after the symbol")
                .isNotEqualTo(AcceptedIdStore.key("A", "2", 51));
        assertThat(AcceptedIdStore.key("BTC-USD", "42", 5)).isEqualTo(AcceptedIdStore.key("BTC-USD", "42", 5))
                .isNotEqualTo(AcceptedIdStore.key("BTC-USD", "42", 6));
    }

    @Test
    void shouldPutEachTimeInTheWindowOfItsSecond() {
        assertThat(AcceptedIdStore.bucket(1_736_208_000_999L)).isEqualTo(1_736_208_000_000L);
        assertThat(AcceptedIdStore.bucket(1_736_208_001_000L)).isEqualTo(1_736_208_001_000L);
        assertThat(AcceptedIdStore.bucket(-1L)).isEqualTo(-1_000L);
    }
}
