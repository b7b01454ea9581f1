/** The running service: Kafka Streams, the HTTP endpoint and the meters wired together, with their lifecycle. */
package io.tickcast.service;
