package io.tickcast.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import io.tickcast.tick.BadRow;
import io.tickcast.tick.TickFiles;
import io.tickcast.tick.TickReader;

/**
 * The ticks a command replays: a file named on the command line or a data set in the jar, with the one-line
 * messages {@code replay} and {@code demo} end with when it holds nothing to replay.
 *
 * @param file    the file, or null for {@code bundled}
 * @param bundled the data set in the jar used when {@code file} is null; null for the Bitstamp minute month
 * @param symbol  the symbol of CSV ticks
 */
record TickInput(Path file, TickFiles.Bundled bundled, String symbol) {

    TickInput {
        bundled = bundled == null ? TickFiles.Bundled.BITSTAMP_MINUTES : bundled;
    }

    /** @return the file's path, or the bundled data set's description, for messages */
    String describe() {
        return file == null ? bundled.description() : file.toString();
    }

    /**
     * @param onBadRow called for every row skipped as not a valid tick
     * @return the reader, before its first tick
     * @throws IOException if the file is missing, a directory, unreadable or has no usable header; its message is
     *                     one line naming the file ({@link TickFiles#checkFile} words the first two)
     */
    TickReader open(Consumer<BadRow> onBadRow) throws IOException {
        if (file == null) {
            return TickFiles.openBundled(bundled, symbol, onBadRow);
        }
        try {
            return TickFiles.open(file, symbol, onBadRow);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read " + file + ": permission denied", e);
        }
    }

    /** @return the message for a reader that ended without a tick, {@code skipped} rows skipped */
    String noTicks(long skipped) {
        return String.format(Locale.ROOT, "no tick could be read from %s (%,d rows skipped)", describe(), skipped);
    }
}
