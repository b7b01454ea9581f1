package io.tickcast.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.tickcast.tick.Tick;
import io.tickcast.tick.TickFiles;
import io.tickcast.tick.TickReader;

/**
 * The ticks of a chaos run, from the bundled Bitstamp minute data: symbol {@code k} gets the {@code k}-th contiguous
 * slice of the file (a real price path of its own), and the symbols are interleaved round-robin, so every partition
 * receives ticks all the time. All symbols share one time axis: the {@code i}-th tick of every symbol is stamped
 * {@code i} minutes after the file's first row, so that the event time never goes back within a partition (with
 * {@code bar.interval} set, no tick is late, and bars close as stream time moves on). With a jitter, each stamp moves
 * by a seeded amount of up to that much either way, as the clocks of different sources do: a symbol's ticks stay in
 * order, but around a bar's end one symbol's tick can arrive after another symbol of its partition has closed the bar
 * (a late tick, which the bars leave out).
 */
public final class ChaosTicks {

    private static final long MINUTE_MS = 60_000L;
    /** Less than half a minute, so that a symbol's ticks, a minute apart, stay in order. */
    public static final Duration MAX_JITTER = Duration.ofSeconds(29);
    private static final long JITTER_SEED = 20_250_107L;

    private ChaosTicks() {
    }

    /**
     * @param jitter a jitter for {@link #fromBundledData(int, int, Duration)}
     * @throws IllegalArgumentException if it is negative or above {@link #MAX_JITTER}
     */
    static void requireJitter(Duration jitter) {
        if (jitter.isNegative() || jitter.compareTo(MAX_JITTER) > 0) {
            throw new IllegalArgumentException("the jitter must be between 0 and " + MAX_JITTER.toSeconds()
                    + " s, was " + jitter);
        }
    }

    /** @return the name of the {@code k}-th symbol */
    public static String symbol(int k) {
        return String.format("CHAOS-%02d", k);
    }

    /**
     * @param symbols symbols to spread the ticks over
     * @param ticks   ticks in total
     * @return the ticks in publishing order; per symbol in strictly increasing event time
     * @throws IllegalArgumentException if the bundled data has fewer rows than {@code ticks}
     */
    public static List<Tick> fromBundledData(int symbols, int ticks) {
        return fromBundledData(symbols, ticks, Duration.ZERO);
    }

    /**
     * @param symbols symbols to spread the ticks over
     * @param ticks   ticks in total
     * @param jitter  how far each stamp may move from its minute, either way; zero to {@link #MAX_JITTER}
     * @return the ticks in publishing order; per symbol in strictly increasing event time
     * @throws IllegalArgumentException if the bundled data has fewer rows than {@code ticks}, or the jitter is out of
     *                                  range
     */
    public static List<Tick> fromBundledData(int symbols, int ticks, Duration jitter) {
        requireJitter(jitter);
        int perSymbol = (ticks + symbols - 1) / symbols;
        List<Tick> rows = new ArrayList<>(perSymbol * symbols);
        try (TickReader reader = TickFiles.openBundled(TickFiles.DEFAULT_SYMBOL, bad -> { })) {
            while (rows.size() < perSymbol * symbols && reader.hasNext()) {
                rows.add(reader.next());
            }
        }
        if (rows.size() < perSymbol * symbols) {
            throw new IllegalArgumentException("the bundled data has " + rows.size() + " rows; " + ticks
                    + " ticks over " + symbols + " symbols need " + perSymbol * symbols);
        }
        List<Tick> out = new ArrayList<>(ticks);
        long start = rows.get(0).ts();
        long jitterMs = jitter.toMillis();
        SplittableRandom random = new SplittableRandom(JITTER_SEED);
        for (int i = 0; i < perSymbol && out.size() < ticks; i++) {
            for (int k = 0; k < symbols && out.size() < ticks; k++) {
                Tick row = rows.get(k * perSymbol + i);
                long shift = jitterMs == 0 ? 0 : random.nextLong(-jitterMs, jitterMs + 1);
                out.add(new Tick(symbol(k), start + i * MINUTE_MS + shift, row.price(), row.size()));
            }
        }
        return out;
    }
}
