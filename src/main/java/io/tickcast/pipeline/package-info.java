/** The per-symbol test-then-train loop shared by the service and the backtest: point, features, online scaling, forecast, quality, drift; no Kafka here. */
package io.tickcast.pipeline;
