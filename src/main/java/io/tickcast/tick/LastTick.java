package io.tickcast.tick;

/**
 * The latest accepted tick of a symbol: what the out-of-order and duplicate checks of {@link TickGuard} compare
 * against. Its {@code ts} is the latest event time accepted so far; {@code price}, {@code size} and {@code id} are
 * those of the tick accepted last.
 *
 * @param id the accepted tick's id, or null if it carried none
 */
public record LastTick(long ts, double price, double size, String id) {

    /** A latest tick without an id. */
    public LastTick(long ts, double price, double size) {
        this(ts, price, size, null);
    }

    static LastTick of(Tick tick) {
        return new LastTick(tick.ts(), tick.price(), tick.size(), tick.id());
    }

    /**
     * Whether {@code tick} repeats this one: when both carry an id, whether the ids are equal (exchanges fill several
     * trades in the same millisecond at the same price and size, and only the id tells them apart); otherwise whether
     * ts, price and size are all equal.
     */
    boolean sameAs(Tick tick) {
        if (id != null && tick.id() != null) {
            return id.equals(tick.id());
        }
        return ts == tick.ts() && Double.compare(price, tick.price()) == 0 && Double.compare(size, tick.size()) == 0;
    }
}
