package io.tickcast.tick;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/** A {@link TickReader} over a text file with one tick per line; subclasses parse the lines. */
abstract class LineTickReader implements TickReader {

    private final BufferedReader in;
    private final String source;
    private final Consumer<BadRow> onBadRow;
    private long lineNumber;
    private long ticksRead;
    private long rowsSkipped;
    private Tick next;
    private boolean closed;
    /** A line already taken from {@code in} (the one that told the format), to be read first; or null. */
    private String pending;

    /**
     * @param in               the lines after {@code firstLine}
     * @param source           the file's name, for messages
     * @param linesAlreadyRead lines before {@code firstLine} (or before the first line of {@code in})
     * @param firstLine        the next line, already read from {@code in}, or null if there is none
     * @param onBadRow         called for every skipped row
     */
    LineTickReader(BufferedReader in, String source, long linesAlreadyRead, String firstLine,
                   Consumer<BadRow> onBadRow) {
        this.in = in;
        this.source = source;
        this.lineNumber = linesAlreadyRead;
        this.pending = firstLine;
        this.onBadRow = onBadRow;
    }

    /**
     * Parses one non-blank line.
     *
     * @return the tick, or null for a line that is valid but holds no tick (a recorded session's other frames)
     * @throws IllegalArgumentException (or a {@link java.time.DateTimeException}) naming the problem if the
     *                                  line is not a valid tick
     */
    abstract Tick parseLine(String line);

    @Override
    public final boolean hasNext() {
        while (next == null && !closed) {
            String line = readLine();
            if (line == null) {
                close();
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                next = parseLine(line);
            } catch (RuntimeException e) {
                rowsSkipped++;
                onBadRow.accept(new BadRow(source, lineNumber, e.getMessage()));
            }
        }
        return next != null;
    }

    @Override
    public final Tick next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more ticks in " + source);
        }
        Tick tick = next;
        next = null;
        ticksRead++;
        return tick;
    }

    @Override
    public final long ticksRead() {
        return ticksRead;
    }

    @Override
    public final long rowsSkipped() {
        return rowsSkipped;
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + source, e);
        }
    }

    private String readLine() {
        if (pending != null) {
            String line = pending;
            pending = null;
            lineNumber++;
            return line;
        }
        try {
            String line = in.readLine();
            if (line != null) {
                lineNumber++;
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(TickFiles.cannotRead(source + ":" + (lineNumber + 1), e), e);
        }
    }
}
