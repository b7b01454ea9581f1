package io.tickcast.stream.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptedIdStoreTest {

    @Test
    void shouldGiveEverySymbolAndIdPairAKeyOfItsOwn() {
        assertThat(AcceptedIdStore.key("AB", "C")).isNotEqualTo(AcceptedIdStore.key("A", "BC"));
        assertThat(AcceptedIdStore.key("1:A", "B")).isNotEqualTo(AcceptedIdStore.key("1", ":AB"));
        assertThat(AcceptedIdStore.key("BTC-USD", "42")).isEqualTo(AcceptedIdStore.key("BTC-USD", "42"));
    }
}
