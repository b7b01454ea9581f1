package io.tickcast.cli;

import java.util.Map;
import java.util.TreeMap;

import io.tickcast.pipeline.Prediction;

/**
 * What a user of the predictions topic can work out from it alone: per symbol, how many predictions arrived and how
 * far each was from the price that followed, beside the naive forecast's error.
 */
final class PredictionTally {

    /** Running figures of one symbol. */
    static final class SymbolTally {
        long predictions;
        long scored;
        double modelSquared;
        double naiveSquared;
        long lastVersion;
        long firstArrivalMs;
        long lastArrivalMs;
        private Prediction previous;

        void add(Prediction p, long arrivalMs) {
            if (predictions++ == 0) {
                firstArrivalMs = arrivalMs;
            }
            lastArrivalMs = arrivalMs;
            lastVersion = p.modelVersion();
            if (previous != null) {
                double model = p.price() - previous.predictedPrice();
                double naive = p.price() - previous.naivePrice();
                modelSquared += model * model;
                naiveSquared += naive * naive;
                scored++;
            }
            previous = p;
        }

        double rmse() {
            return scored == 0 ? Double.NaN : Math.sqrt(modelSquared / scored);
        }

        double naiveRmse() {
            return scored == 0 ? Double.NaN : Math.sqrt(naiveSquared / scored);
        }

        double skill() {
            return 1 - rmse() / naiveRmse();
        }
    }

    private final Map<String, SymbolTally> symbols = new TreeMap<>();
    private volatile long total;

    void add(Prediction p, long arrivalMs) {
        symbols.computeIfAbsent(p.symbol(), s -> new SymbolTally()).add(p, arrivalMs);
        total++;
    }

    long total() {
        return total;
    }

    Map<String, SymbolTally> symbols() {
        return symbols;
    }
}
