/** Test support: a real Kafka broker for integration tests (Testcontainers when Docker is reachable, else in-JVM KRaft). */
package io.tickcast.testing;
