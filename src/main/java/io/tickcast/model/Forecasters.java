package io.tickcast.model;

import io.tickcast.model.dl4j.Dl4jForecaster;
import io.tickcast.model.fast.FastForecaster;
import io.tickcast.model.nd4j.Nd4jForecaster;

/**
 * Creates and restores {@link OnlineForecaster}s. The entry point of the {@code model} package.
 *
 * <p>Engines: {@code "fast"} (the default) runs the LSTM recurrences on pre-allocated float arrays with weights
 * initialised and laid out as DL4J does; {@code "dl4j"} is the plain {@code MultiLayerNetwork} reference that
 * calls {@code fit()} on the last W points per update; {@code "nd4j"} runs the fast engine's update as ND4J ops
 * (single-step LSTM cell ops with reused contexts; one layer). All are deterministic: the same spec, seed and
 * inputs give bit-identical outputs, and a restored snapshot continues bit for bit (the fast engine on any JVM and
 * CPU, the ND4J-based ones with the same native library on the same CPU).
 *
 * <p>Thread-safe; the forecasters it returns are not.
 */
public final class Forecasters {

    private Forecasters() {
    }

    /**
     * Builds a fresh forecaster.
     *
     * @param spec shape and training settings; {@code engine} {@code null} or blank means {@code "fast"}
     * @return a new forecaster that has made no update yet
     * @throws IllegalArgumentException if a field of the spec is out of range (the message names it)
     */
    public static OnlineForecaster create(ForecasterSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spec must not be null");
        }
        spec.validate();
        ForecasterSpec named = spec.withEngine(spec.engineOrDefault());
        return switch (named.engine()) {
            case ForecasterSpec.DL4J_ENGINE -> Dl4jForecaster.create(named);
            case ForecasterSpec.ND4J_ENGINE -> Nd4jForecaster.create(named);
            default -> FastForecaster.create(named);
        };
    }

    /**
     * Rebuilds a forecaster from {@link OnlineForecaster#snapshot()}; it continues exactly where the original
     * was. The snapshot names its engine.
     *
     * @param snapshot bytes produced by {@link OnlineForecaster#snapshot()}
     * @return the restored forecaster
     * @throws IllegalArgumentException if the snapshot is corrupt, truncated, of an unknown version or engine
     */
    public static OnlineForecaster restore(byte[] snapshot) {
        SnapshotCodec.Envelope envelope = SnapshotCodec.read(snapshot);
        ForecasterSpec spec = envelope.spec();
        try {
            return switch (spec.engine()) {
                case ForecasterSpec.DL4J_ENGINE -> Dl4jForecaster.restore(spec, envelope.payload());
                case ForecasterSpec.ND4J_ENGINE -> Nd4jForecaster.restore(spec, envelope.payload());
                default -> FastForecaster.restore(spec, envelope.payload());
            };
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("corrupt forecaster snapshot: " + e.getMessage(), e);
        }
    }

    /**
     * Wraps an engine payload in the versioned snapshot envelope. For engines only.
     *
     * @param spec    the forecaster's spec, engine named
     * @param payload the engine's own state
     * @return the snapshot bytes
     */
    public static byte[] envelope(ForecasterSpec spec, byte[] payload) {
        return SnapshotCodec.write(spec, payload);
    }
}
