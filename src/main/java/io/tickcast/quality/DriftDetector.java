package io.tickcast.quality;

/**
 * A change detector over a stream of real values. Not thread-safe.
 *
 * <p>{@link #update} returns {@code true} on the value at which a change is detected; the detector then
 * restarts by itself (as each paper prescribes), so a persistent change is reported again only when it is
 * detected anew.
 */
public interface DriftDetector extends StateCodec {

    /** @return a short lower-case name, e.g. {@code page_hinkley} */
    String name();

    /**
     * Reads one value.
     *
     * @param value a finite value; non-finite values are ignored
     * @return whether a change was detected at this value
     */
    boolean update(double value);

    /** @return the current test statistic, comparable with {@link #threshold()} */
    double statistic();

    /** @return the value of the statistic above which a change is declared */
    double threshold();
}
