package io.tickcast.service;

import io.tickcast.config.TickcastConfig;
import io.tickcast.model.Forecasters;
import io.tickcast.pipeline.ForecasterFactory;
import io.tickcast.pipeline.PipelineSettings;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.stream.internals.PipelineFactory;

/** Turns the configuration into the per-symbol pipeline settings and the factory the topology uses. */
public final class PipelineSettingsMapper {

    private static final ForecasterFactory FORECASTERS = ForecasterFactory.of(Forecasters::create, Forecasters::restore);

    private PipelineSettingsMapper() {
    }

    /** @return a factory of pipelines built to the configuration, with the default engines */
    public static PipelineFactory pipelines(TickcastConfig config) {
        PipelineSettings settings = config.pipelineSettings();
        return new PipelineFactory() {
            @Override
            public SymbolPipeline create(String symbol) {
                return SymbolPipeline.create(symbol, settings, FORECASTERS);
            }

            @Override
            public SymbolPipeline restore(byte[] snapshot) {
                return SymbolPipeline.restore(snapshot, settings, FORECASTERS);
            }
        };
    }
}
