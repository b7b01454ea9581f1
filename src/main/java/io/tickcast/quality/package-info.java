/** Prequential (test-then-train) forecast quality, baseline forecasts and drift detectors; plain Java, no Kafka, no ND4J. */
package io.tickcast.quality;
