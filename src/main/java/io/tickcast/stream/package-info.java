/** The Kafka Streams topology: validation with a dead-letter topic, optional time bars, the forecasting processor and its state stores. */
package io.tickcast.stream;
