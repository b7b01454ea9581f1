package io.tickcast.model.fast;

import java.nio.ByteBuffer;

/** Raw-bit float array (de)serialisation, so restored values are bit-identical. */
final class FloatArrays {

    private FloatArrays() {
    }

    static void put(ByteBuffer out, float[] values) {
        for (float v : values) {
            out.putInt(Float.floatToRawIntBits(v));
        }
    }

    static void put(ByteBuffer out, float[][] values) {
        for (float[] row : values) {
            put(out, row);
        }
    }

    static void get(ByteBuffer in, float[] values) {
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
