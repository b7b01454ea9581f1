package io.tickcast.pipeline;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.OnlineForecaster;
import io.tickcast.quality.StateCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The forecaster of one symbol and its drift response: the incumbent, an optional challenger, the
 * learning-rate boost, the last healthy checkpoint. Counts the model version (updates made, monotone
 * across rollbacks and promotions).
 */
final class ModelSlot implements StateCodec, AutoCloseable {
    private static final long CHALLENGER_SEED_STRIDE = 7919;
    private static final int MAX_FORECASTER_BYTES = 256 << 20;
    private final ForecasterSpec spec;
    private final ResponseSettings settings;
    private final ForecasterFactory factory;
    private OnlineForecaster incumbent;
    private boolean primed;
    private float lastIncumbent = Float.NaN;
    private long updates;
    private int boostRemaining;
    private byte[] lastGood;
    private int sinceCheckpoint;
    private OnlineForecaster challenger;
    private boolean challengerPrimed;
    private float lastChallenger = Float.NaN;
    private int challengerScored;
    private double incumbentSquares;
    private double challengerSquares;
    private int generation;

    ModelSlot(ForecasterSpec spec, ResponseSettings settings, ForecasterFactory factory, OnlineForecaster incumbent) {
        this.spec = spec;
        this.settings = settings;
        this.factory = factory;
        this.incumbent = incumbent;
    }

    long updates() {
        return updates;
    }

    /**
     * Test-then-train on one point.
     *
     * @param features the point's features
     * @param target   the realised target of the previous forecast, {@code NaN} if none
     * @return the incumbent's forecast of the next target
     */
    float observe(float[] features, double target) {
        boolean learn = primed && Double.isFinite(target);
        if (learn) {
            updates++;
            if (challenger != null) {
                scoreChallenger(target);
            }
        }
        lastIncumbent = incumbent.observe(features, learn ? (float) target : Float.NaN);
        primed = true;
        if (challenger != null) {
            boolean challengerLearns = challengerPrimed && Double.isFinite(target);
            lastChallenger = challenger.observe(features, challengerLearns ? (float) target : Float.NaN);
            challengerPrimed = true;
        }
        if (boostRemaining > 0 && --boostRemaining == 0) {
            incumbent.scaleLearningRate(1.0);
        }
        return lastIncumbent;
    }

    private void scoreChallenger(double target) {
        if (Float.isNaN(lastIncumbent) || Float.isNaN(lastChallenger)) {
            return;
        }
        incumbentSquares += (target - lastIncumbent) * (target - lastIncumbent);
        challengerSquares += (target - lastChallenger) * (target - lastChallenger);
        if (++challengerScored < settings.challengerWindow()) {
            return;
        }
        if (challengerSquares < incumbentSquares) {
            incumbent.close();
            incumbent = challenger;
            lastIncumbent = lastChallenger;
            primed = challengerPrimed;
            boostRemaining = 0;
        } else {
            challenger.close();
        }
        challenger = null;
    }

    /** Called once per point: keeps a checkpoint of a healthy model for rollbacks. */
    void checkpoint(boolean healthy) {
        if (settings.kind() != DriftResponse.ROLLBACK || ++sinceCheckpoint < settings.rollbackInterval()) {
            return;
        }
        if (healthy) {
            lastGood = incumbent.snapshot();
            sinceCheckpoint = 0;
        }
    }

    /** Applies the configured response to a triggering drift. */
    void respond() {
        switch (settings.kind()) {
            case BOOST_LEARNING_RATE -> {
                incumbent.scaleLearningRate(settings.boostFactor());
                boostRemaining = settings.boostPoints();
            }
            case RESET_STATE -> incumbent.resetState();
            case ROLLBACK -> rollback();
            case CHALLENGER -> startChallenger();
            default -> {
            }
        }
    }

    private void rollback() {
        if (lastGood == null) {
            return;
        }
        OnlineForecaster restored = factory.restore(lastGood);
        incumbent.close();
        incumbent = restored;
        primed = false;
        lastIncumbent = Float.NaN;
    }

    private void startChallenger() {
        if (challenger != null) {
            return;
        }
        generation++;
        challenger = factory.create(challengerSpec());
        challengerPrimed = false;
        lastChallenger = Float.NaN;
        challengerScored = 0;
        incumbentSquares = 0;
        challengerSquares = 0;
    }

    private ForecasterSpec challengerSpec() {
        return spec.withSeed(spec.seed() + CHALLENGER_SEED_STRIDE * generation);
    }

    @Override
    public void writeState(DataOutput out) throws IOException {
        writeBytes(out, incumbent.snapshot());
        out.writeBoolean(primed);
        out.writeFloat(lastIncumbent);
        out.writeLong(updates);
        out.writeInt(boostRemaining);
        writeBytes(out, lastGood);
        out.writeInt(sinceCheckpoint);
        writeBytes(out, challenger == null ? null : challenger.snapshot());
        out.writeBoolean(challengerPrimed);
        out.writeFloat(lastChallenger);
        out.writeInt(challengerScored);
        out.writeDouble(incumbentSquares);
        out.writeDouble(challengerSquares);
        out.writeInt(generation);
    }

    /** Reads the state; the incumbent given at construction is closed and replaced. */
    @Override
    public void readState(DataInput in) throws IOException {
        OnlineForecaster restored = factory.restore(readBytes(in));
        if (incumbent != null) {
            incumbent.close();
        }
        incumbent = restored;
        primed = in.readBoolean();
        lastIncumbent = in.readFloat();
        updates = in.readLong();
        boostRemaining = in.readInt();
        lastGood = readBytes(in);
        sinceCheckpoint = in.readInt();
        byte[] challengerBytes = readBytes(in);
        challenger = challengerBytes == null ? null : factory.restore(challengerBytes);
        challengerPrimed = in.readBoolean();
        lastChallenger = in.readFloat();
        challengerScored = in.readInt();
        incumbentSquares = in.readDouble();
        challengerSquares = in.readDouble();
        generation = in.readInt();
        if (boostRemaining > 0) {
            incumbent.scaleLearningRate(settings.boostFactor());
        }
    }

    private static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length > MAX_FORECASTER_BYTES) {
            throw new IOException("forecaster snapshot of " + length + " bytes exceeds " + MAX_FORECASTER_BYTES);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    @Override
    public void close() {
        if (challenger != null) {
            challenger.close();
            challenger = null;
        }
        if (incumbent != null) {
            incumbent.close();
            incumbent = null;
        }
    }
}
