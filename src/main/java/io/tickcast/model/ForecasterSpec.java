package io.tickcast.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

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
     * @throws InvalidSpecException naming the first field that is out of range
     */
    public ForecasterSpec validate() {
        String name = engineOrDefault();
        if (!FAST_ENGINE.equals(name) && !DL4J_ENGINE.equals(name) && !ND4J_ENGINE.equals(name)) {
            throw new InvalidSpecException(Field.ENGINE, engine, "must be fast, dl4j or nd4j");
        }
        requirePositive(Field.INPUT_SIZE, inputSize);
        requirePositive(Field.HIDDEN_SIZE, hiddenSize);
        requirePositive(Field.LAYERS, layers);
        requirePositive(Field.WINDOW, window);
        requirePositive(Field.BPTT_HORIZON, bpttHorizon);
        if (bpttHorizon > window) {
            throw new InvalidSpecException(Field.BPTT_HORIZON, bpttHorizon, "must not exceed %s (" + window + ")",
                    Field.WINDOW);
        }
        if (!Double.isFinite(learningRate) || learningRate <= 0) {
            throw new InvalidSpecException(Field.LEARNING_RATE, learningRate, "must be finite and > 0");
        }
        requirePositive(Field.UPDATE_EVERY, updateEvery);
        if ((long) bpttHorizon + updateEvery - 1 > window) {
            throw new InvalidSpecException(Field.UPDATE_EVERY, updateEvery, "plus %s - 1 must not exceed %s ("
                    + window + "): at most " + (window - bpttHorizon + 1), Field.BPTT_HORIZON, Field.WINDOW);
        }
        if (updateEvery > 1 && !FAST_ENGINE.equals(name)) {
            throw new InvalidSpecException(Field.UPDATE_EVERY, updateEvery, "values above 1 need %s=fast, not "
                    + name, Field.ENGINE);
        }
        if (layers > 1 && ND4J_ENGINE.equals(name)) {
            throw new InvalidSpecException(Field.LAYERS, layers, "values above 1 need %s=fast or dl4j (the nd4j"
                    + " engine has one layer)", Field.ENGINE);
        }
        return this;
    }

    private static void requirePositive(Field field, int value) {
        if (value <= 0) {
            throw new InvalidSpecException(field, value, "must be > 0");
        }
    }

    /** The fields of a spec, as {@link InvalidSpecException} names them. */
    public enum Field {
        ENGINE("engine"), INPUT_SIZE("inputSize"), HIDDEN_SIZE("hiddenSize"), LAYERS("layers"), WINDOW("window"),
        BPTT_HORIZON("bpttHorizon"), LEARNING_RATE("learningRate"), UPDATE_EVERY("updateEvery");

        private final String component;

        Field(String component) {
            this.component = component;
        }

        /** @return the record component's name, as messages print it */
        public String component() {
            return component;
        }
    }

    /**
     * A spec field out of range. The field, its value and the rule come apart, and the rule names the other fields
     * it involves through {@link #rule(Function)}, so that a caller which set the fields from configuration keys
     * can name the keys instead ({@code TickcastConfig} does).
     */
    public static final class InvalidSpecException extends IllegalArgumentException {
        private final Field field;
        private final transient Object value;
        private final String rule;
        private final Field[] involved;

        InvalidSpecException(Field field, Object value, String rule, Field... involved) {
            super(field.component() + " " + format(rule, involved, Field::component) + ", was " + value);
            this.field = field;
            this.value = value;
            this.rule = rule;
            this.involved = involved;
        }

        /** @return the field out of range */
        public Field field() {
            return field;
        }

        /** @return its value */
        public Object value() {
            return value;
        }

        /**
         * @param naming the name to print for each field
         * @return the rule the value breaks, the other fields it involves named by {@code naming}, e.g.
         * {@code "must not exceed model.window (16)"}
         */
        public String rule(Function<Field, String> naming) {
            return format(rule, involved, naming);
        }

        private static String format(String rule, Field[] involved, Function<Field, String> naming) {
            return String.format(Locale.ROOT, rule, Arrays.stream(involved).map(naming).toArray());
        }
    }
}
