package io.tickcast.model.fast;

import java.nio.ByteBuffer;

/** Raw-bit float array (de)serialisation, so restored values are bit-identical. Shared by the fast and nd4j engines. */
public final class FloatArrays {

    private FloatArrays() {
    }

    /** Writes each value's raw bits, 4 bytes per value. */
    public static void put(ByteBuffer out, float[] values) {
        for (float v : values) {
            out.putInt(Float.floatToRawIntBits(v));
        }
    }

    static void put(ByteBuffer out, float[][] values) {
        for (float[] row : values) {
            put(out, row);
        }
    }

    /** Fills {@code values} from what {@link #put(ByteBuffer, float[])} wrote. */
    public static void get(ByteBuffer in, float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.intBitsToFloat(in.getInt());
        }
    }

    static void get(ByteBuffer in, float[][] values) {
        for (float[] row : values) {
            get(in, row);
        }
    }

    static int count(float[][] values) {
        int n = 0;
        for (float[] row : values) {
            n += row.length;
        }
        return n;
    }
}
