package io.tickcast.pipeline;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import io.tickcast.quality.ConformalQuantile;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The test-then-train loop of one symbol, shared by the stream processor and the backtest.
 *
 * <p>Per point, in this order: score the forecast made at the previous point against the point just
 * arrived; update the quality figures, the baselines, the blend weight and the conformal scores; run the drift
 * detectors and the drift response; let the forecaster learn the realised target and predict the next one;
 * blend toward the naive forecast; attach the prediction interval; return it. The prediction for point
 * t+1 is made from points up to t only.
 *
 * <p>Not thread-safe: one instance per symbol, used by one thread at a time. No Kafka here.
 */
public final class SymbolPipeline implements AutoCloseable {
    static final int MAGIC = 0x5443504C;
    static final int FORMAT_VERSION = 3;
    /** Version 2 wrote the drift detectors by position, not by name and signal. */
    static final int FORMAT_VERSION_POSITIONAL_DETECTORS = 2;
    /** Version 1 had no forecast combination (it starts afresh when such a snapshot is restored), as version 2. */
    static final int FORMAT_VERSION_WITHOUT_COMBINATION = 1;
    /** Candidates of the combination: naive (index 0, log-return 0), AR(1)-RLS, raw model, blend. */
    static final int CANDIDATES = 4;
    private static final int AR1 = 1;
    private static final int MODEL = 2;
    private static final int BLEND = 3;
    private static final double MIN_VOLATILITY = 1e-6;
    /** Returns seen before the detectors are fed: the scales are not yet meaningful before. */
    static final int DETECTOR_WARMUP = 50;

    private final String symbol;
    private final PipelineSettings settings;
    private final FeatureExtractor features;
    private final QualityTracker quality;
    private final ConformalQuantile conformal;
    private final NaiveBlend blend;
    private final Combination combination;
    /** The candidates' forecasts of one point, handed to {@link #combination} (which copies them). */
    private final double[] candidates = new double[CANDIDATES];
    private final DriftMonitor monitor;
    private final ModelSlot model;
    private Pending pending;
    private int lastSnapshotSize = 1 << 16;

    private SymbolPipeline(String symbol, PipelineSettings settings, ForecasterFactory factory,
                           OnlineForecaster forecaster) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.features = new FeatureExtractor(settings.features());
        this.quality = new QualityTracker(settings.quality());
        QualitySettings q = settings.quality();
        this.conformal = new ConformalQuantile(q.intervalLevel(), q.intervalWindow(), q.intervalMinScores(),
                q.intervalAdaptation());
        this.blend = new NaiveBlend(settings.blend());
        this.combination = settings.blend().combiner().create(CANDIDATES);
        this.monitor = new DriftMonitor(settings.detectors());
        this.model = new ModelSlot(settings.forecaster(), settings.response(), factory, forecaster);
    }

    /**
     * A fresh pipeline around a forecaster the caller built; rollbacks and challengers use
     * {@link ForecasterFactory#standard()}.
     *
     * @param symbol     the instrument
     * @param settings   validated settings
     * @param forecaster a fresh forecaster with {@link FeatureExtractor#FEATURES} inputs; owned (closed) by the pipeline
     * @throws IllegalArgumentException if the forecaster's input size is not the feature count
     */
    public SymbolPipeline(String symbol, PipelineSettings settings, OnlineForecaster forecaster) {
        this(symbol, settings, ForecasterFactory.standard(), checkInputs(forecaster));
    }

    private static OnlineForecaster checkInputs(OnlineForecaster forecaster) {
        if (forecaster.inputSize() != FeatureExtractor.FEATURES) {
            throw new IllegalArgumentException("forecaster has " + forecaster.inputSize() + " inputs, the pipeline "
                    + FeatureExtractor.FEATURES + " features");
        }
        return forecaster;
    }

    /**
     * A fresh pipeline whose forecasters (the first one and any challenger) come from {@code create}; rollbacks
     * restore with {@code Forecasters.restore}.
     */
    public static SymbolPipeline create(String symbol, PipelineSettings settings,
                                        Function<ForecasterSpec, OnlineForecaster> create) {
        return create(symbol, settings, ForecasterFactory.of(create, Forecasters::restore));
    }

    /**
     * Restores a pipeline whose forecasters are restored by {@code restoreForecaster}; challengers are built
     * with {@code Forecasters.create}. See {@link #restore(byte[], PipelineSettings, ForecasterFactory)}.
     */
    public static SymbolPipeline restore(byte[] snapshot, PipelineSettings settings,
                                         Function<byte[], OnlineForecaster> restoreForecaster) {
        return restore(snapshot, settings, ForecasterFactory.of(Forecasters::create, restoreForecaster));
    }

    /**
     * A fresh pipeline with a fresh forecaster built by {@code factory} from {@code settings.forecaster()}.
     *
     * @param symbol   the instrument
     * @param settings validated settings
     * @param factory  makes and restores forecasters (also for rollbacks and challengers)
     */
    public static SymbolPipeline create(String symbol, PipelineSettings settings, ForecasterFactory factory) {
        return new SymbolPipeline(symbol, settings, factory, factory.create(settings.forecaster()));
    }

    /**
     * Restores a pipeline from {@link #snapshot()} so that it continues bit for bit where it was.
     *
     * @param snapshot bytes of {@link #snapshot()}
     * @param settings the settings the snapshot was made with (structural sizes are checked)
     * @param factory  makes and restores forecasters
     * @throws PipelineSnapshotException if the bytes are not a readable snapshot of this version, are
     *                                   truncated, or do not fit {@code settings}
     */
    public static SymbolPipeline restore(byte[] snapshot, PipelineSettings settings, ForecasterFactory factory) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new PipelineSnapshotException("not a tickcast pipeline snapshot (magic "
                        + Integer.toHexString(magic) + ")");
            }
            int version = in.readInt();
            if (version < FORMAT_VERSION_WITHOUT_COMBINATION || version > FORMAT_VERSION) {
                throw new PipelineSnapshotException("unsupported pipeline snapshot version " + version
                        + " (this build reads " + FORMAT_VERSION_WITHOUT_COMBINATION + " to " + FORMAT_VERSION + ")");
            }
            SymbolPipeline pipeline = new SymbolPipeline(in.readUTF(), settings, factory, null);
            pipeline.readState(in, version);
            if (version > FORMAT_VERSION_WITHOUT_COMBINATION) {
                pipeline.combination.readState(in);
            }
            if (in.read() != -1) {
                throw new PipelineSnapshotException("pipeline snapshot has trailing bytes");
            }
            return pipeline;
        } catch (IOException | RuntimeException e) {
            if (e instanceof PipelineSnapshotException pse) {
                throw pse;
            }
            throw new PipelineSnapshotException("unreadable pipeline snapshot: " + e, e);
        }
    }

    /** @return the symbol this pipeline forecasts */
    public String symbol() {
        return symbol;
    }

    /** @return the number of model updates made so far (monotone, survives rollbacks and promotions) */
    public long modelVersion() {
        return model.updates();
    }

    /**
     * Test-then-train on one point of this symbol.
     *
     * @param point a point of this symbol with a finite positive price, in event-time order
     * @return the forecast of the next point, the quality after scoring this one, the drift events
     * @throws IllegalArgumentException if the point belongs to another symbol or its price is not positive
     */
    public PointOutcome process(Point point) {
        if (!symbol.equals(point.symbol())) {
            throw new IllegalArgumentException("point of " + point.symbol() + " fed to the pipeline of " + symbol);
        }
        if (!(point.price() > 0) || Double.isInfinite(point.price())) {
            throw new IllegalArgumentException("price must be finite and > 0: " + point.price());
        }
        Features f = features.next(point.ts(), point.price());
        List<DriftEvent> events = new ArrayList<>();
        QualityTracker.Scored scored = pending == null ? firstPoint(point) : score(point, f, events);
        if (f != null && features.returnsSeen() > DETECTOR_WARMUP) {
            monitor.update(symbol, point.ts(), DriftSignal.INPUT, f.scaledReturn(), events);
        }
        // after both signals' detectors have seen the point, so that the report shows them as they are now
        QualityReport report = scored == null ? null
                : quality.report(symbol, point.ts(), scored, pending.prediction().blendWeight(), monitor.statuses());
        if (triggers(events)) {
            model.respond();
        }
        model.checkpoint(quality.healthy() && !monitor.anyActive());
        Prediction prediction = predict(point, f);
        return new PointOutcome(prediction, report, events);
    }

    private QualityTracker.Scored firstPoint(Point point) {
        quality.observe(point.price());
        return null;
    }

    private QualityTracker.Scored score(Point point, Features f, List<DriftEvent> events) {
        Pending previous = pending;
        QualityTracker.Scored scored = quality.score(previous.prediction(), point.price());
        double residualScore = scored.absError() / previous.scale();
        conformal.add(residualScore);
        if (scored.covered() != null) {
            conformal.covered(scored.covered());
        }
        if (f != null) {
            blend.update(previous.modelReturn(), previous.ar1Return(), f.logReturn());
            combination.update(f.logReturn());
        }
        if (features.returnsSeen() > DETECTOR_WARMUP) {
            double signal = features.clip(scored.absError() / previous.driftScale());
            monitor.update(symbol, point.ts(), DriftSignal.RESIDUAL, signal, events);
        }
        return scored;
    }

    private boolean triggers(List<DriftEvent> events) {
        for (DriftEvent e : events) {
            if (e.phase() == DriftPhase.STARTED && settings.response().triggeredBy(e.detector(), e.signal())) {
                return true;
            }
        }
        return false;
    }

    private Prediction predict(Point point, Features f) {
        double price = point.price();
        double modelReturn = Double.NaN;
        double volatility = 0;
        double deviation = 0;
        if (f != null) {
            double target = pending != null && pending.fromModel() ? f.scaledReturn() : Double.NaN;
            float scaledForecast = model.observe(f.vector(), target);
            modelReturn = f.unscale(scaledForecast);
            volatility = f.volatility();
            deviation = f.returnSd();
        }
        double ar1Return = Math.log(quality.ar1Forecast() / price);
        double modelPrice = Double.isNaN(modelReturn) ? price : price * Math.exp(modelReturn);
        Emitted emitted = emit(modelReturn, ar1Return);
        NaiveBlend.Weights w = emitted.weights();
        double predicted = emitted.logReturn() == 0 ? price : price * Math.exp(emitted.logReturn());
        double scale = price * Math.max(volatility, MIN_VOLATILITY);
        double q = conformal.quantile();
        Double lower = Double.isNaN(q) ? null : predicted - q * scale;
        Double upper = Double.isNaN(q) ? null : predicted + q * scale;
        Prediction prediction = new Prediction(symbol, point.ts(), price, predicted, modelPrice, price, lower, upper,
                w.model(), w.ar1(), model.updates(), Double.NaN);
        double driftScale = price * Math.max(deviation, MIN_VOLATILITY);
        pending = new Pending(prediction, modelReturn, ar1Return, scale, driftScale, f != null);
        return prediction;
    }

    /** The emitted log-return and the total weights of the model's and the AR(1) baseline's forecasts in it. */
    private record Emitted(double logReturn, NaiveBlend.Weights weights) {
    }

    /** The blend of the model toward naive, then (when combining) the combination rule's average of the candidates. */
    private Emitted emit(double modelReturn, double ar1Return) {
        NaiveBlend.Weights w = Double.isNaN(modelReturn) ? NaiveBlend.Weights.NAIVE : blend.weights();
        double blended = (w.model() == 0 ? 0 : w.model() * modelReturn) + (w.ar1() == 0 ? 0 : w.ar1() * ar1Return);
        if (!settings.blend().enabled() || !settings.blend().combine()) {
            return new Emitted(blended, w);
        }
        candidates[AR1] = finiteOrZero(ar1Return);
        candidates[MODEL] = finiteOrZero(modelReturn);
        candidates[BLEND] = blended;
        double combined = combination.combine(candidates);
        double blendWeight = combination.combinedWeight(BLEND);
        return new Emitted(combined, new NaiveBlend.Weights(
                combination.combinedWeight(MODEL) + blendWeight * w.model(),
                combination.combinedWeight(AR1) + blendWeight * w.ar1()));
    }

    private static double finiteOrZero(double logReturn) {
        return Double.isFinite(logReturn) ? logReturn : 0;
    }

    /**
     * A versioned binary snapshot of everything needed to continue bit for bit: the forecaster (and any
     * challenger or rollback checkpoint), the feature and scaler state, the pending forecast, the quality
     * figures and baselines, the blend and the forecast combination, the conformal scores, the detectors and
     * their lifecycles (by name and signal, so that enabling or disabling a detector keeps the rest). Version 3;
     * version 2 (detectors by position) and version 1 (no combination) snapshots are still restored.
     */
    public byte[] snapshot() {
        ByteSink bytes = new ByteSink(lastSnapshotSize + 1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeUTF(symbol);
            features.writeState(out);
            quality.writeState(out);
            conformal.writeState(out);
            blend.writeState(out);
            monitor.writeState(out);
            Pending.write(pending, out);
            model.writeState(out);
            combination.writeState(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] snapshot = bytes.toByteArray();
        lastSnapshotSize = snapshot.length;
        return snapshot;
    }

    private void readState(DataInputStream in, int version) throws IOException {
        features.readState(in);
        quality.readState(in);
        conformal.readState(in);
        blend.readState(in);
        if (version > FORMAT_VERSION_POSITIONAL_DETECTORS) {
            monitor.readState(in);
        } else {
            monitor.readLegacyState(in);
        }
        pending = Pending.read(in, symbol);
        model.readState(in);
    }

    /** Frees the forecaster(s). The pipeline must not be used afterwards. */
    @Override
    public void close() {
        model.close();
    }
}
