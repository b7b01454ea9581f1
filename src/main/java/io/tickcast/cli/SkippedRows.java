package io.tickcast.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

import io.tickcast.tick.BadRow;

/** Shows the first rows of a tick file that were skipped as not valid ticks; the reader counts the rest. */
final class SkippedRows implements Consumer<BadRow> {

    /** How many skipped rows {@code replay}, {@code demo} and {@code backtest} show. */
    static final int SHOWN = 10;

    private final Consumer<String> print;
    private long seen;

    /** The first {@value #SHOWN} rows, on {@code out}. */
    SkippedRows(PrintWriter out) {
        this(line -> {
            out.println(line);
            out.flush();
        });
    }

    /**
     * The first {@value #SHOWN} rows, through {@code print}.
     *
     * @param print prints one line (and may first end a progress line)
     */
    SkippedRows(Consumer<String> print) {
        this.print = print;
    }

    @Override
    public void accept(BadRow row) {
        seen++;
        if (seen <= SHOWN) {
            print.accept("skipped " + row);
        } else if (seen == SHOWN + 1) {
            print.accept("(further skipped rows are only counted)");
        }
    }
}
