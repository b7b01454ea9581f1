package io.tickcast.tick;

/**
 * A row of a tick file that was skipped because it is not a valid tick.
 *
 * @param source  the file (or resource) name
 * @param line    the 1-based line number
 * @param problem what is wrong with it
 */
public record BadRow(String source, long line, String problem) {

    /** @return {@code source:line: problem}, the form compilers use */
    @Override
    public String toString() {
        return source + ":" + line + ": " + problem;
    }
}
