package io.tickcast.quality;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Something whose whole mutable state can be written to and read back from a binary stream, so that a
 * restored copy continues bit for bit where the original was.
 *
 * <p>{@link #readState} is called on an instance built with the same configuration as the one written;
 * implementations throw {@link IOException} when the stream does not match that configuration.
 */
public interface StateCodec {

    /** Writes the mutable state. */
    void writeState(DataOutput out) throws IOException;

    /** Replaces the mutable state with the one read from {@code in}. */
    void readState(DataInput in) throws IOException;

    /** Reads an int and fails unless it equals {@code expected}; guards a structural size. */
    static void expectInt(DataInput in, int expected, String what) throws IOException {
        int actual = in.readInt();
        if (actual != expected) {
            throw new IOException(what + " is " + actual + " in the snapshot but " + expected + " in the settings");
        }
    }
}
