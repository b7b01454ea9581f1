package io.tickcast.chaos;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one chaos run does.
 *
 * @param instances       tickcast processes sharing the work, at least 1
 * @param kills           SIGKILLs to deliver, at least 0
 * @param symbols         symbols the ticks are spread over, at least 1
 * @param ticks           the most ticks to publish, at least {@code symbols} (the feed stops shortly after the last
 *                        kill)
 * @param rate            ticks published per second, steadily; positive
 * @param seed            seed of every random choice (kill moments, victims, wipes)
 * @param wipeProbability chance that a killed instance comes back with an empty state directory, in [0, 1]
 * @param partitions      partitions of the topics, at least 1
 * @param drainTimeout    how long to wait, after the last tick and kill, for every input to be committed
 * @param settings        tickcast config keys given to every instance (and to the reference run)
 * @param jitter          how far each tick's stamp may move from its minute, either way, 0 to
 *                        {@link ChaosTicks#MAX_JITTER} (see {@link ChaosTicks})
 */
public record ChaosOptions(int instances, int kills, int symbols, int ticks, double rate, long seed,
                           double wipeProbability, int partitions, Duration drainTimeout, Map<String, String> settings,
                           Duration jitter) {

    /** @throws IllegalArgumentException if an option is out of range */
    public ChaosOptions {
        require(instances >= 1, "instances must be >= 1, was " + instances);
        require(kills >= 0, "kills must be >= 0, was " + kills);
        require(symbols >= 1, "symbols must be >= 1, was " + symbols);
        require(ticks >= symbols, "ticks must be >= symbols, was " + ticks);
        require(Double.isFinite(rate) && rate > 0, "rate must be > 0, was " + rate);
        require(wipeProbability >= 0 && wipeProbability <= 1, "wipe probability must be in [0, 1]");
        require(partitions >= 1, "partitions must be >= 1, was " + partitions);
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        ChaosTicks.requireJitter(jitter);
        settings = Map.copyOf(settings);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
