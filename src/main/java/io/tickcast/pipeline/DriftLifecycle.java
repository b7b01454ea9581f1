package io.tickcast.pipeline;

import io.tickcast.quality.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Turns a detector's raw detections into a lifecycle: STARTED on a detection when no drift is active,
 * ONGOING on further detections (at most once per cooldown), RECOVERED after a cooldown without detection.
 */
final class DriftLifecycle implements StateCodec {
    private final int cooldown;
    private boolean active;
    private long lastDetection;
    private long lastEmitted;

    DriftLifecycle(int cooldown) {
        this.cooldown = cooldown;
    }

    /**
     * @param index    the point's index in this signal
     * @param detected whether the detector fired at it
     * @return the phase to report, or {@code null}
     */
    DriftPhase step(long index, boolean detected) {
        if (detected) {
            lastDetection = index;
            if (!active) {
                active = true;
                lastEmitted = index;
                return DriftPhase.STARTED;
            }
            if (index - lastEmitted >= cooldown) {
                lastEmitted = index;
                return DriftPhase.ONGOING;
            }
            return null;
        }
        if (active && index - lastDetection >= cooldown) {
            active = false;
            return DriftPhase.RECOVERED;
        }
        return null;
    }

    boolean active() {
        return active;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeBoolean(active);
        out.writeLong(lastDetection);
        out.writeLong(lastEmitted);
    }

    @Override
    public void readState(DataInput in) throws IOException {
        active = in.readBoolean();
        lastDetection = in.readLong();
        lastEmitted = in.readLong();
    }
}
