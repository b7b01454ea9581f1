package io.tickcast.pipeline;

/** The online aggregation rule of the candidate forecasts (config {@code blend.combiner}). */
public enum Combiner {
    /** Competes with the best single candidate: {@link AdaHedge}. */
    ADAHEDGE,
    /** Competes with the best convex combination of the candidates: {@link MlPoly}. */
    MLPOLY;

    Combination create(int candidates) {
        return this == ADAHEDGE ? new AdaHedge(candidates) : new MlPoly(candidates);
    }
}
