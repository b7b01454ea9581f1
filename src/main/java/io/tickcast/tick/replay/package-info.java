/** Replaying ticks into Kafka: publishing them to the ticks topic, paced by their event timestamps. */
package io.tickcast.tick.replay;
