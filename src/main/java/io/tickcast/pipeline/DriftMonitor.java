package io.tickcast.pipeline;

import io.tickcast.quality.Adwin;
import io.tickcast.quality.DriftDetector;
import io.tickcast.quality.Kswin;
import io.tickcast.quality.PageHinkley;
import io.tickcast.quality.StateCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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
            add(signal, () -> new PageHinkley(s.phDelta(), s.phLambda(), s.phAlpha(), s.phMinPoints()), s.cooldown());
        }
        if (s.adwin()) {
            add(signal, () -> new Adwin(s.adwinDelta()), s.cooldown());
        }
        if (s.kswin()) {
            long seed = s.seed() * 31 + signal.ordinal();
            add(signal, () -> new Kswin(s.kswinAlpha(), s.kswinWindow(), s.kswinStatSize(), seed), s.cooldown());
        }
    }

    private void add(DriftSignal signal, Supplier<DriftDetector> detector, int cooldown) {
        watches.add(Watch.fresh(signal, detector, cooldown));
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

    /**
     * Writes each watch under its detector's name and signal, its state length-prefixed, so that a snapshot can be
     * read with other detectors enabled ({@link #readState}).
     */
    @Override
    public void writeState(DataOutput out) throws IOException {
        for (long c : counts) {
            out.writeLong(c);
        }
        out.writeInt(watches.size());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        for (Watch w : watches) {
            buffer.reset();
            DataOutputStream state = new DataOutputStream(buffer);
            w.detector().writeState(state);
            w.lifecycle().writeState(state);
            state.flush();
            out.writeUTF(w.detector().name());
            out.writeByte(w.signal().ordinal());
            out.writeInt(buffer.size());
            out.write(buffer.toByteArray());
        }
    }

    /**
     * Reads what {@link #writeState} wrote. A watch finds its state by detector name and signal; one the snapshot does
     * not have, or whose state no longer fits its settings (a window of another size), starts fresh, and a stored
     * watch that is no longer enabled is skipped: turning a detector on or off never costs the symbol its model.
     */
    @Override
    public void readState(DataInput in) throws IOException {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.readLong();
        }
        int stored = in.readInt();
        for (int k = 0; k < stored; k++) {
            String name = in.readUTF();
            int signal = in.readUnsignedByte();
            byte[] state = new byte[in.readInt()];
            in.readFully(state);
            for (int i = 0; i < watches.size(); i++) {
                Watch w = watches.get(i);
                if (w.detector().name().equals(name) && w.signal().ordinal() == signal) {
                    watches.set(i, w.restored(state));
                }
            }
        }
    }

    /** Reads the positional format of pipeline snapshots before format 3: the same detectors, in order. */
    void readLegacyState(DataInput in) throws IOException {
        StateCodec.expectInt(in, watches.size(), "number of enabled detectors");
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.readLong();
        }
        for (Watch w : watches) {
            w.detector().readState(in);
            w.lifecycle().readState(in);
        }
    }

    private record Watch(DriftSignal signal, DriftDetector detector, DriftLifecycle lifecycle,
                         Supplier<DriftDetector> factory, int cooldown) {

        static Watch fresh(DriftSignal signal, Supplier<DriftDetector> factory, int cooldown) {
            return new Watch(signal, factory.get(), new DriftLifecycle(cooldown), factory, cooldown);
        }

        /** @return this watch with {@code state} read into a new detector and lifecycle, or fresh if it does not fit */
        Watch restored(byte[] state) {
            Watch w = fresh(signal, factory, cooldown);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
                w.detector().readState(in);
                w.lifecycle().readState(in);
                return in.read() == -1 ? w : fresh(signal, factory, cooldown);
            } catch (IOException | RuntimeException e) {
                return fresh(signal, factory, cooldown);
            }
        }
    }
}
