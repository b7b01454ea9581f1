package io.tickcast.quality;

/** A tiny seeded random generator (Steele, Lea and Flood's SplitMix64) whose whole state is one long. */
final class SplitMix64 {
    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long state() {
        return state;
    }

    void state(long newState) {
        this.state = newState;
    }

    long nextLong() {
        long z = state += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return a uniform int in [0, bound) */
    int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }
}
