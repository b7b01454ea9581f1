package io.tickcast.stream.internals;

/**
 * Names of the state stores the forecast processor uses: the two that hold the forecasters' durable state, and the
 * tick guard's two, whose entries it deletes with the rest of an idle symbol's state.
 */
public record ForecastStores(String checkpoints, String journal, String tickGuard, String tradeIds) {
}
