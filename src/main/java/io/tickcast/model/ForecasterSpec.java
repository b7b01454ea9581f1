package io.tickcast.model;

/**
 * The shape and training settings of an online forecaster.
 *
 * @param engine       which implementation: {@code "fast"} (the default) or {@code "dl4j"} (the plain
 *                     {@code MultiLayerNetwork} reference)
 * @param inputSize    features per point
 * @param hiddenSize   LSTM units per layer
 * @param layers       stacked LSTM layers
 * @param window       W, the number of most recent points kept for training
 * @param bpttHorizon  k, the number of most recent steps back-propagated through per update (1..W)
 * @param learningRate Adam's learning rate
 * @param seed         seed of the weight initialisation
 * @param updateEvery  m, labelled points per optimizer step: 1 (the default) makes one Adam step per point;
 *                     m &gt; 1 (fast engine only) makes one step every m points, back-propagating through the
 *                     last m + k - 1 points, which must fit in the window. Every point is still scored and
 *                     predicted with the recurrent state carried.
 */
public record ForecasterSpec(String engine, int inputSize, int hiddenSize, int layers, int window,
                             int bpttHorizon, double learningRate, long seed, int updateEvery) {

    /** The engine used when {@link #engine()} is {@code null} or blank. */
    public static final String DEFAULT_ENGINE = "fast";
    /** The engine name of the per-point fused-recurrence implementation. */
    public static final String FAST_ENGINE = "fast";
    /** The engine name of the plain {@code MultiLayerNetwork} reference. */
    public static final String DL4J_ENGINE = "dl4j";
    /** The engine name of the implementation that runs the per-point math as ND4J ops (one layer, m = 1 only). */
    public static final String ND4J_ENGINE = "nd4j";

    /** A spec with one optimizer step per point ({@code updateEvery} = 1). */
    public ForecasterSpec(String engine, int inputSize, int hiddenSize, int layers, int window, int bpttHorizon,
                          double learningRate, long seed) {
        this(engine, inputSize, hiddenSize, layers, window, bpttHorizon, learningRate, seed, 1);
    }

    /**
     * The recommended default for the service: one LSTM layer of 32 units, a 32-point window, back-propagation
     * through the last 8 points, 5 features, Adam at 3e-4, seed 42. See BENCHMARKS.md for the evidence.
     *
     * @return the recommended spec
     */
    public static ForecasterSpec defaults() {
        return new ForecasterSpec(DEFAULT_ENGINE, 5, 32, 1, 32, 8, 3e-4, 42L);
    }

    /** @return this spec with another engine */
    public ForecasterSpec withEngine(String newEngine) {
        return new ForecasterSpec(newEngine, inputSize, hiddenSize, layers, window, bpttHorizon, learningRate, seed,
                updateEvery);
    }

    /** @return this spec with another back-propagation horizon k */
    public ForecasterSpec withBpttHorizon(int k) {
        return new ForecasterSpec(engine, inputSize, hiddenSize, layers, window, k, learningRate, seed, updateEvery);
    }

    /** @return this spec with another number m of labelled points per optimizer step */
    public ForecasterSpec withUpdateEvery(int m) {
        return new ForecasterSpec(engine, inputSize, hiddenSize, layers, window, bpttHorizon, learningRate, seed, m);
    }

    /** @return this spec with another initialisation seed */
    public ForecasterSpec withSeed(long newSeed) {
        return new ForecasterSpec(engine, inputSize, hiddenSize, layers, window, bpttHorizon, learningRate, newSeed,
                updateEvery);
    }

    /** @return the steps back-propagated through per optimizer step: m + k - 1 (k when m = 1) */
    public int stepsPerUpdate() {
        return bpttHorizon + updateEvery - 1;
    }

    /** @return the engine name, {@link #DEFAULT_ENGINE} when none was given */
    public String engineOrDefault() {
        return engine == null || engine.isBlank() ? DEFAULT_ENGINE : engine.trim();
    }

    /**
     * Checks every field.
     *
     * @return this spec
     * @throws IllegalArgumentException naming the first field that is out of range
     */
    public ForecasterSpec validate() {
        String name = engineOrDefault();
        if (!FAST_ENGINE.equals(name) && !DL4J_ENGINE.equals(name) && !ND4J_ENGINE.equals(name)) {
            throw new IllegalArgumentException("engine must be \"fast\", \"dl4j\" or \"nd4j\", was \"" + engine + "\"");
        }
        requirePositive("inputSize", inputSize);
        requirePositive("hiddenSize", hiddenSize);
        requirePositive("layers", layers);
        requirePositive("window", window);
        if (bpttHorizon < 1 || bpttHorizon > window) {
            throw new IllegalArgumentException("bpttHorizon must be in 1..window (" + window + "), was " + bpttHorizon);
        }
        if (!Double.isFinite(learningRate) || learningRate <= 0) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, was " + learningRate);
        }
        checkUpdateEvery(name);
        if (layers > 1 && ND4J_ENGINE.equals(name)) {
            throw new IllegalArgumentException("layers > 1 needs the fast or dl4j engine, was " + layers
                    + " with engine \"nd4j\"");
        }
        return this;
    }

    private void checkUpdateEvery(String name) {
        if (updateEvery < 1 || (long) bpttHorizon + updateEvery - 1 > window) {
            throw new IllegalArgumentException("updateEvery must be in 1..window - bpttHorizon + 1 ("
                    + (window - bpttHorizon + 1) + "), was " + updateEvery);
        }
        if (updateEvery > 1 && !FAST_ENGINE.equals(name)) {
            throw new IllegalArgumentException("updateEvery > 1 needs the fast engine, was " + updateEvery
                    + " with engine \"" + name + "\"");
        }
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value);
        }
    }
}
