package io.tickcast.pipeline;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import java.util.Objects;
import java.util.function.Function;

/**
 * Makes forecasters for a {@link SymbolPipeline}: fresh ones (the first model, challengers) and restored
 * ones (pipeline snapshots, rollbacks). The service passes {@code Forecasters::create} and
 * {@code Forecasters::restore}.
 */
public interface ForecasterFactory {

    /** @return a fresh forecaster built to {@code spec} */
    OnlineForecaster create(ForecasterSpec spec);

    /**
     * @return the forecaster a snapshot of {@link OnlineForecaster#snapshot()} describes
     * @throws RuntimeException if the snapshot cannot be read
     */
    OnlineForecaster restore(byte[] snapshot);

    /** @return the factory of the {@code model} package: {@code Forecasters::create} and {@code Forecasters::restore} */
    static ForecasterFactory standard() {
        return of(Forecasters::create, Forecasters::restore);
    }

    /** @return a factory of two functions */
    static ForecasterFactory of(Function<ForecasterSpec, OnlineForecaster> create,
                                Function<byte[], OnlineForecaster> restore) {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(restore, "restore");
        return new ForecasterFactory() {
            @Override
            public OnlineForecaster create(ForecasterSpec spec) {
                return create.apply(spec);
            }

            @Override
            public OnlineForecaster restore(byte[] snapshot) {
                return restore.apply(snapshot);
            }
        };
    }
}
