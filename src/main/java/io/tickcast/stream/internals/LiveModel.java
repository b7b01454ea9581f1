package io.tickcast.stream.internals;

import io.tickcast.pipeline.SymbolPipeline;

/** A symbol's pipeline in memory, with the sequence numbers that tie it to its durable state. */
final class LiveModel {

    final SymbolPipeline pipeline;
    /** Sequence number of the last point this pipeline has processed. */
    long seq;
    /** Sequence number of the last point contained in the latest checkpoint. */
    long checkpointSeq;
    /** Event time of the last point this pipeline has processed; {@link Long#MIN_VALUE} when not known. */
    long lastTs;

    LiveModel(SymbolPipeline pipeline, long seq, long checkpointSeq, long lastTs) {
        this.pipeline = pipeline;
        this.seq = seq;
        this.checkpointSeq = checkpointSeq;
        this.lastTs = lastTs;
    }

    static LiveModel fresh(SymbolPipeline pipeline) {
        return new LiveModel(pipeline, 0, 0, Long.MIN_VALUE);
    }
}
