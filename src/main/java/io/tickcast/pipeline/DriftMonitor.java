package io.tickcast.pipeline;

import io.tickcast.quality.Adwin;
import io.tickcast.quality.DriftDetector;
import io.tickcast.quality.Kswin;
import io.tickcast.quality.PageHinkley;
import io.tickcast.quality.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The enabled detectors of one symbol on each enabled signal, with their lifecycles. */
final class DriftMonitor implements StateCodec {
    private final List<Watch> watches = new ArrayList<>();
    private final long[] counts = new long[DriftSignal.values().length];

    DriftMonitor(DetectorSettings settings) {
        for (DriftSignal signal : DriftSignal.values()) {
            boolean on = signal == DriftSignal.RESIDUAL ? settings.onResiduals() : settings.onInputs();
            if (on) {
                addDetectors(settings, signal);
            }
        }
    }

    private void addDetectors(DetectorSettings s, DriftSignal signal) {
        if (s.pageHinkley()) {
            add(signal, new PageHinkley(s.phDelta(), s.phLambda(), s.phAlpha(), s.phMinPoints()), s.cooldown());
        }
        if (s.adwin()) {
            add(signal, new Adwin(s.adwinDelta()), s.cooldown());
        }
        if (s.kswin()) {
            long seed = s.seed() * 31 + signal.ordinal();
            add(signal, new Kswin(s.kswinAlpha(), s.kswinWindow(), s.kswinStatSize(), seed), s.cooldown());
        }
    }

    private void add(DriftSignal signal, DriftDetector detector, int cooldown) {
        watches.add(new Watch(signal, detector, new DriftLifecycle(cooldown)));
    }

    /** Feeds one value of {@code signal} to its detectors and appends the lifecycle events to {@code events}. */
    void update(String symbol, long ts, DriftSignal signal, double value, List<DriftEvent> events) {
        if (!Double.isFinite(value)) {
            return;
        }
        long index = ++counts[signal.ordinal()];
        for (Watch w : watches) {
            if (w.signal() != signal) {
                continue;
            }
            boolean detected = w.detector().update(value);
            DriftPhase phase = w.lifecycle().step(index, detected);
            if (phase != null) {
                events.add(new DriftEvent(symbol, ts, w.detector().name(), signal, phase,
                        w.detector().statistic(), w.detector().threshold()));
            }
        }
    }

    /** @return whether any drift is active */
    boolean anyActive() {
        for (Watch w : watches) {
            if (w.lifecycle().active()) {
                return true;
            }
        }
        return false;
    }

    List<DetectorStatus> statuses() {
        List<DetectorStatus> statuses = new ArrayList<>(watches.size());
        for (Watch w : watches) {
            statuses.add(new DetectorStatus(w.detector().name(), w.signal(), w.detector().statistic(),
                    w.detector().threshold(), w.lifecycle().active()));
        }
        return statuses;
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(watches.size());
        for (long c : counts) {
            out.writeLong(c);
        }
        for (Watch w : watches) {
            w.detector().writeState(out);
            w.lifecycle().writeState(out);
        }
    }

    @Override
    public void readState(DataInput in) throws IOException {
        StateCodec.expectInt(in, watches.size(), "number of enabled detectors");
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.readLong();
        }
        for (Watch w : watches) {
            w.detector().readState(in);
            w.lifecycle().readState(in);
        }
    }

    private record Watch(DriftSignal signal, DriftDetector detector, DriftLifecycle lifecycle) {
    }
}
