package io.tickcast.stream.internals;

import io.tickcast.pipeline.SymbolPipeline;

/** A symbol's pipeline in memory, with the sequence numbers that tie it to its durable state. */
final class LiveModel {

    final SymbolPipeline pipeline;
    /** Sequence number of the last point this pipeline has processed. */
    long seq;
    /** Sequence number of the last point contained in the latest checkpoint. */
    long checkpointSeq;

    LiveModel(SymbolPipeline pipeline, long seq, long checkpointSeq) {
        this.pipeline = pipeline;
        this.seq = seq;
        this.checkpointSeq = checkpointSeq;
    }
}
