package io.tickcast.pipeline;

/** A pipeline snapshot that cannot be read: not a snapshot, an unknown version, truncated, or made with incompatible settings. */
public final class PipelineSnapshotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }

    public PipelineSnapshotException(String message) {
        super(message);
    }
}
