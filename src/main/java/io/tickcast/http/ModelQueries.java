package io.tickcast.http;

/** Answers {@code GET /models} and {@code GET /models/{symbol}}. */
public interface ModelQueries {

    /**
     * @param status   HTTP status
     * @param body     JSON body
     * @param redirect where the symbol lives, when another instance holds it; else {@code null}
     */
    record Answer(int status, String body, String redirect) {
    }

    /** @param path the request path, {@code /models} or {@code /models/SYMBOL}; @param query the raw query or null */
    Answer answer(String path, String query);
}
