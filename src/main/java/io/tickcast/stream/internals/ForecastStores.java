package io.tickcast.stream.internals;

/** Names of the two state stores that hold the forecasters' durable state. */
public record ForecastStores(String checkpoints, String journal) {
}
