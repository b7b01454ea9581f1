package io.tickcast.tick;

/**
 * The latest accepted tick of a symbol: what the out-of-order and duplicate checks of {@link TickGuard} compare
 * against. Its {@code ts} is the latest event time accepted so far.
 */
public record LastTick(long ts, double price, double size) {

    static LastTick of(Tick tick) {
        return new LastTick(tick.ts(), tick.price(), tick.size());
    }

    boolean sameAs(Tick tick) {
        return ts == tick.ts() && Double.compare(price, tick.price()) == 0 && Double.compare(size, tick.size()) == 0;
    }
}
