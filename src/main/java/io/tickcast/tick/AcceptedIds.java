package io.tickcast.tick;

/**
 * The trade ids a symbol's accepted ticks carried, with their event times, as far back as {@link TickGuard} needs
 * them: a tick within the lateness tolerance whose id and ts were accepted before is a re-sent trade (a feed that
 * reconnects and replays its last trades; a producer that retries), not a new one. The guard decides what to keep;
 * the service keeps them in a state store, the backtest in memory ({@link RecentIds}).
 */
public interface AcceptedIds {

    /**
     * @param symbol the tick's symbol
     * @param id     its id at the source (not null)
     * @param ts     its event time, epoch ms
     * @return whether a tick of {@code symbol} with this id and ts was accepted before
     */
    boolean contains(String symbol, String id, long ts);

    /** Remembers an accepted tick's id and event time. */
    void add(String symbol, String id, long ts);

    /**
     * Forgets the ids of {@code symbol} with an event time before {@code ts}: {@link TickGuard} no longer asks
     * about them.
     */
    void forgetBefore(String symbol, long ts);

    /** Forgets every id of {@code symbol} (its state is being deleted). */
    default void forget(String symbol) {
        forgetBefore(symbol, Long.MAX_VALUE);
    }
}
