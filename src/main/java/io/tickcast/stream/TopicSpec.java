package io.tickcast.stream;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * One topic as tickcast uses it: its name and the serdes of its keys and values, declared once.
 *
 * @param name       the topic name
 * @param keySerde   serde of the record keys
 * @param valueSerde serde of the record values
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    /** @return how a topology reads this topic */
    public Consumed<K, V> consumed(String processorName) {
        return Consumed.with(keySerde, valueSerde).withName(processorName);
    }

    /** @return how a topology writes this topic */
    public Produced<K, V> produced(String processorName) {
        return Produced.with(keySerde, valueSerde).withName(processorName);
    }
}
