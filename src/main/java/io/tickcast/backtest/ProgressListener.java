package io.tickcast.backtest;

/** Told how far a backtest got; called on the backtest's thread, at most every few thousand ticks read. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param bytesRead  bytes of the file read so far
     * @param totalBytes size of the file in bytes
     * @param points     points processed so far (with time bars: bars)
     */
    void progress(long bytesRead, long totalBytes, long points);

    /** A listener that ignores progress. */
    ProgressListener NONE = (bytesRead, totalBytes, points) -> { };
}
