package io.tickcast.tick;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A closeable, streaming iterator over the ticks of one file, in file order. Rows that are not valid
 * ticks are skipped, counted and handed to the bad-row callback given when the reader was opened.
 * Not thread-safe.
 *
 * <p>{@link #hasNext()} and {@link #next()} throw {@link java.io.UncheckedIOException} if the file cannot
 * be read (as opposed to a row that cannot be parsed).
 */
public interface TickReader extends Iterator<Tick>, Closeable {

    /** @return the number of ticks returned so far */
    long ticksRead();

    /** @return the number of rows skipped so far as not valid ticks (blank lines are not counted) */
    long rowsSkipped();

    /** Closes the underlying file; idempotent. */
    @Override
    void close();

    /**
     * The remaining ticks as a sequential stream; closing the stream closes this reader.
     *
     * @return the stream
     */
    default Stream<Tick> stream() {
        Spliterator<Tick> split = Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(this::close);
    }
}
