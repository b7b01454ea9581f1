package io.tickcast.tick;

import java.time.Duration;

/**
 * The per-symbol checks of a parsed tick against the latest accepted one, shared by the service's validator and the
 * backtest so that both accept exactly the same ticks: a repeat of the latest tick (the same id when both carry one,
 * else the same ts, price and size; see {@link LastTick#sameAs}) is rejected, and so is a tick older than the latest
 * by more than the lateness tolerance, and a tick within the tolerance whose id and ts were accepted before (a
 * re-sent trade; ticks without an id are only compared with the latest). Pure functions; the accepted ids are the
 * caller's to keep.
 */
public final class TickGuard {

    /** The lateness tolerance unless configured ({@code tick.max.lateness}). */
    public static final Duration DEFAULT_MAX_LATENESS = Duration.ofSeconds(5);

    private TickGuard() {
    }

    /** What the guard says of a tick. */
    public sealed interface Verdict {
    }

    /** @param latest what to remember as the symbol's latest tick from now on */
    public record Accepted(LastTick latest) implements Verdict {
    }

    /** @param reason why, for the dead-letter header; @param detail a sentence for people */
    public record Rejected(RejectReason reason, String detail) implements Verdict {
    }

    /**
     * @param latest        the symbol's latest accepted tick, or null for its first
     * @param tick          a parsed tick of that symbol
     * @param maxLatenessMs how much older than {@code latest} a tick may be, in milliseconds
     * @param accepted      the ids and event times of the symbol's accepted ticks, at least those within the
     *                      tolerance; read only
     * @return the verdict
     */
    public static Verdict check(LastTick latest, Tick tick, long maxLatenessMs, AcceptedIds accepted) {
        if (latest == null) {
            return new Accepted(LastTick.of(tick));
        }
        if (latest.sameAs(tick)) {
            return new Rejected(RejectReason.DUPLICATE, latest.id() != null && tick.id() != null
                    ? "same id " + tick.id() + " as the previous tick of " + tick.symbol()
                    : "same ts, price and size as the previous tick of " + tick.symbol());
        }
        if (latest.ts() - tick.ts() > maxLatenessMs) {
            return new Rejected(RejectReason.OUT_OF_ORDER, "ts " + tick.ts() + " is " + (latest.ts() - tick.ts())
                    + " ms older than the latest tick of " + tick.symbol() + " (tolerance " + maxLatenessMs + " ms)");
        }
        // A trade accepted before has ts <= latest.ts(): a later tick needs no look-up.
        if (tick.id() != null && tick.ts() <= latest.ts() && accepted.contains(tick.symbol(), tick.id(), tick.ts())) {
            return new Rejected(RejectReason.DUPLICATE, "id " + tick.id() + " at ts " + tick.ts()
                    + " was accepted before for " + tick.symbol());
        }
        return new Accepted(tick.ts() >= latest.ts() ? LastTick.of(tick)
                : new LastTick(latest.ts(), tick.price(), tick.size(), tick.id()));
    }
}
