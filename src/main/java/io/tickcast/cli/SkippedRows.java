package io.tickcast.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

import io.tickcast.tick.BadRow;

/** Shows the first rows of a tick file that were skipped as not valid ticks; the reader counts the rest. */
final class SkippedRows implements Consumer<BadRow> {

    /** How many skipped rows are shown. */
    static final int SHOWN = 10;

    private final PrintWriter out;
    private long seen;

    SkippedRows(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(BadRow row) {
        seen++;
        if (seen <= SHOWN) {
            out.println("skipped " + row);
        } else if (seen == SHOWN + 1) {
            out.println("(further skipped rows are only counted)");
        }
        out.flush();
    }
}
