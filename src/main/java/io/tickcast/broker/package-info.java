/** A real, in-process Kafka broker (KRaft) for the demo, for trying tickcast with one's own clients, and for tests where no Docker engine is reachable. */
package io.tickcast.broker;
