package io.tickcast.stream.internals;

import io.tickcast.pipeline.SymbolPipeline;

/** Creates a symbol's pipeline fresh, or from a snapshot. */
public interface PipelineFactory {

    SymbolPipeline create(String symbol);

    /** @throws RuntimeException if the snapshot cannot be read */
    SymbolPipeline restore(byte[] snapshot);
}
