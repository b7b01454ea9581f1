package io.tickcast.tick;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The per-symbol checks of a parsed tick against the latest accepted one, shared by the service's validator and the
 * backtest so that both accept exactly the same ticks: a repeat of the latest tick (the same id when both carry one,
 * else the same ts, price and size; see {@link LastTick#sameAs}) is rejected, and so is a tick older than the latest
 * by more than the lateness tolerance, and a tick within the tolerance whose id and ts were accepted before (a
 * re-sent trade; ticks without an id are only compared with the latest).
 *
 * <p>{@link #admit} is the whole step, over the caller's storage (state stores in the service, maps offline):
 * check, then remember an accepted tick as its symbol's latest and its id, and forget the ids no tick can be asked
 * about any more. {@link #check} is the pure verdict. Not thread-safe; one instance per stream task.
 */
public final class TickGuard {

    /** The lateness tolerance unless configured ({@code tick.max.lateness}). */
    public static final Duration DEFAULT_MAX_LATENESS = Duration.ofSeconds(5);

    private final long maxLatenessMs;
    private final Function<String, LastTick> latestOf;
    private final BiConsumer<String, LastTick> remember;
    private final AcceptedIds acceptedIds;

    /**
     * @param maxLatenessMs how much older than its symbol's latest tick a tick may be, in milliseconds
     * @param latestOf      a symbol's latest accepted tick, or null before its first
     * @param remember      keeps a symbol's new latest tick
     * @param acceptedIds   the ids of the accepted ticks
     */
    public TickGuard(long maxLatenessMs, Function<String, LastTick> latestOf, BiConsumer<String, LastTick> remember,
                     AcceptedIds acceptedIds) {
        this.maxLatenessMs = maxLatenessMs;
        this.latestOf = latestOf;
        this.remember = remember;
        this.acceptedIds = acceptedIds;
    }

    /**
     * Checks a tick and, if it is accepted, remembers it: as its symbol's latest, and its id if it has one. When an
     * id-carrying tick moves its symbol's latest event time on, the symbol's ids older than the new latest by more
     * than the tolerance are forgotten: an older tick is rejected as {@code OUT_OF_ORDER} before its id is looked
     * at. (A fill in the same millisecond as the latest moves nothing on, so it forgets nothing.)
     *
     * @param tick a parsed tick
     * @return the verdict
     */
    public Verdict admit(Tick tick) {
        LastTick before = latestOf.apply(tick.symbol());
        Verdict verdict = check(before, tick, maxLatenessMs, acceptedIds);
        if (verdict instanceof Accepted accepted) {
            LastTick latest = accepted.latest();
            remember.accept(tick.symbol(), latest);
            if (tick.id() != null) {
                acceptedIds.add(tick.symbol(), tick.id(), tick.ts());
                if (before == null || latest.ts() > before.ts()) {
                    acceptedIds.forgetBefore(tick.symbol(), latest.ts() - maxLatenessMs);
                }
            }
        }
        return verdict;
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
