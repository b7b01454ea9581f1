package io.tickcast.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

import io.tickcast.tick.BadRow;

/** Shows the first rows of a tick file that were skipped as not valid ticks; the reader counts the rest. */
final class SkippedRows implements Consumer<BadRow> {

    /** How many skipped rows {@code replay} and {@code demo} show. */
    static final int SHOWN = 10;

    private final Consumer<String> print;
    private final int shown;
    private long seen;

    /** The first {@value #SHOWN} rows, on {@code out}. */
    SkippedRows(PrintWriter out) {
        this(line -> {
            out.println(line);
            out.flush();
        }, SHOWN);
    }

    /**
     * @param print prints one line (and may first end a progress line)
     * @param shown how many rows are shown
     */
    SkippedRows(Consumer<String> print, int shown) {
        this.print = print;
        this.shown = shown;
    }

    @Override
    public void accept(BadRow row) {
        seen++;
        if (seen <= shown) {
            print.accept("skipped " + row);
        } else if (seen == shown + 1) {
            print.accept("(further skipped rows are only counted)");
        }
    }
}
