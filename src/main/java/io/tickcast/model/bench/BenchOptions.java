package io.tickcast.model.bench;

import io.tickcast.model.ForecasterSpec;

/**
 * What to measure.
 *
 * @param spec          the model measured, engine fast or nd4j (the naive loop always uses dl4j)
 * @param symbols       models trained side by side, one per symbol
 * @param threads       threads sharing the symbols (each symbol belongs to one thread)
 * @param updates       test-then-train points per timed run, over all symbols
 * @param runs          timed runs; figures are medians
 * @param predictions   prediction-only points per run
 * @param naiveUpdates  points of the naive MultiLayerNetwork loop per run (0 to skip it)
 * @param warmupPoints  untimed points per symbol before the runs (JIT warm-up)
 */
public record BenchOptions(ForecasterSpec spec, int symbols, int threads, long updates, int runs,
                           long predictions, int naiveUpdates, int warmupPoints) {

    /** @throws IllegalArgumentException naming the first field out of range */
    public BenchOptions {
        spec.validate();
        if (ForecasterSpec.DL4J_ENGINE.equals(spec.engineOrDefault())) {
            throw new IllegalArgumentException(
                    "engine must be fast or nd4j: dl4j is the naive loop measured beside it");
        }
        positive("symbols", symbols);
        positive("threads", threads);
        positive("runs", runs);
        if (updates < symbols) {
            throw new IllegalArgumentException("updates must be >= symbols, was " + updates);
        }
        if (predictions < 1 || naiveUpdates < 0 || warmupPoints < 0) {
            throw new IllegalArgumentException("predictions must be > 0, naiveUpdates and warmupPoints >= 0");
        }
    }

    private static void positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value);
        }
    }
}
