/** Forecast quality and drift: prequential error figures, online baselines, conformal intervals and drift detectors written from the papers; plain Java, no Kafka. */
package io.tickcast.quality;
