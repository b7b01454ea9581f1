package io.tickcast.model.bench;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures an engine in process (the fast engine, or the nd4j engine for comparison): test-then-train points/s
 * (all symbols, all threads, and one thread),
 * prediction-only points/s, and in the same invocation the naive {@code MultiLayerNetwork} loop (the dl4j
 * engine with k = W) for the speed-up ratio and, when {@code updateEvery} m &gt; 1, the same models at m = 1. Memory is read before the first and after the last timed run.
 */
public final class InProcessBench {

    private final BenchOptions options;

    public InProcessBench(BenchOptions options) {
        this.options = options;
    }

    /** @return the figures; takes roughly runs x (updates / rate) plus the naive loop */
    public BenchReport run() throws InterruptedException {
        ForecasterSpec spec = options.spec();
        List<OnlineForecaster> models = new ArrayList<>();
        for (int s = 0; s < options.symbols(); s++) {
            models.add(Forecasters.create(spec));
        }
        double rssAfterModels = MemoryProbe.rssMb();
        PointStream stream = new PointStream(spec.inputSize(), spec.seed());
        long[] clock = new long[options.symbols()];
        feedAll(models, stream, clock, options.warmupPoints(), 1);
        List<OnlineForecaster> perPoint = perPointBaseline(spec, stream);
        long[] perPointClock = new long[options.symbols()];
        Arrays.fill(perPointClock, options.warmupPoints());
        double nativeStart = MemoryProbe.nativeMb();
        double rssStart = MemoryProbe.rssMb();
        double heapStart = MemoryProbe.heapMb();
        long perSymbol = options.updates() / options.symbols();
        double loadStart = MemoryProbe.loadAverage();
        double[] rates = new double[options.runs()];
        double[] singleRates = new double[options.runs()];
        double[] cpuRates = new double[options.runs()];
        double[] singleCpuRates = new double[options.runs()];
        double[][] perPointRates = new double[2][options.runs()];
        long points = perSymbol * options.symbols();
        for (int r = 0; r < options.runs(); r++) {
            Timing timing = feedAll(models, stream, clock, perSymbol, options.threads());
            rates[r] = points / timing.wallSeconds();
            cpuRates[r] = points / timing.cpuSeconds();
            Timing single = options.threads() == 1 ? timing : feedAll(models, stream, clock, perSymbol, 1);
            singleRates[r] = points / single.wallSeconds();
            singleCpuRates[r] = points / single.cpuSeconds();
            if (!perPoint.isEmpty()) {
                Timing baseline = feedAll(perPoint, stream, perPointClock, perSymbol, options.threads());
                perPointRates[0][r] = points / baseline.wallSeconds();
                perPointRates[1][r] = points / baseline.cpuSeconds();
            }
        }
        double loadEnd = MemoryProbe.loadAverage();
        double nativeEnd = MemoryProbe.nativeMb();
        double rssEnd = MemoryProbe.rssMb();
        double heapEnd = MemoryProbe.heapMb();
        double predictions = median(predictionRates(spec, stream));
        double[][] naiveRates = options.naiveUpdates() == 0 ? null : naiveRates(spec, stream);
        double naive = naiveRates == null ? Double.NaN : median(naiveRates[0]);
        double naiveCpu = naiveRates == null ? Double.NaN : median(naiveRates[1]);
        models.forEach(OnlineForecaster::close);
        perPoint.forEach(OnlineForecaster::close);
        double perPointRate = perPoint.isEmpty() ? Double.NaN : median(perPointRates[0]);
        double perPointCpuRate = perPoint.isEmpty() ? Double.NaN : median(perPointRates[1]);
        double rate = median(rates);
        double single = median(singleRates);
        double cpuRate = median(cpuRates);
        return new BenchReport(spec.engineOrDefault(), spec.hiddenSize(), spec.window(), spec.bpttHorizon(),
                spec.updateEvery(),
                spec.inputSize(), spec.layers(), options.symbols(), options.threads(), perSymbol * options.symbols(),
                options.runs(), rate, single, rate / single, 1e6 / single, predictions, naive, single / naive,
                Arrays.stream(rates).boxed().toList(), nativeStart, nativeEnd, rssStart, rssEnd, heapStart,
                heapEnd, rssAfterModels, cpuRate, median(singleCpuRates), naiveCpu, cpuRate / naiveCpu,
                perPointRate, rate / perPointRate, perPointCpuRate, cpuRate / perPointCpuRate, loadStart, loadEnd,
                MemoryProbe.cpuModel(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * @return with m &gt; 1, models of the same spec at m = 1, warmed up, timed in the same runs for the ratio;
     *         otherwise none
     */
    private List<OnlineForecaster> perPointBaseline(ForecasterSpec spec, PointStream stream)
            throws InterruptedException {
        List<OnlineForecaster> perPoint = new ArrayList<>();
        if (spec.updateEvery() > 1) {
            for (int s = 0; s < options.symbols(); s++) {
                perPoint.add(Forecasters.create(spec.withUpdateEvery(1)));
            }
            feedAll(perPoint, stream, new long[options.symbols()], options.warmupPoints(), 1);
        }
        return perPoint;
    }

    /** Wall-clock time of a timed feed and the CPU time its worker threads consumed. */
    private record Timing(double wallSeconds, double cpuSeconds) {
    }

    /** Feeds {@code points} points to every model, symbols split over threads. */
    private static Timing feedAll(List<OnlineForecaster> models, PointStream stream, long[] clock, long points,
                                  int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> feedShare(models, stream, clock, points, first, threads)));
            }
            long cpuNanos = 0;
            for (Future<Long> f : done) {
                cpuNanos += f.get();
            }
            return new Timing((System.nanoTime() - start) / 1e9, cpuNanos / 1e9);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("bench worker failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** @return the CPU nanoseconds this worker used */
    static long feedShare(List<OnlineForecaster> models, PointStream stream, long[] clock, long points,
                                  int first, int stride) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpuStart = mx.getCurrentThreadCpuTime();
        for (long p = 0; p < points; p++) {
            for (int s = first; s < models.size(); s += stride) {
                long t = clock[s]++;
                models.get(s).observe(stream.features(t), stream.previousTarget(t));
            }
        }
        return mx.getCurrentThreadCpuTime() - cpuStart;
    }

    private double[] predictionRates(ForecasterSpec spec, PointStream stream) {
        double[] rates = new double[options.runs()];
        try (OnlineForecaster model = Forecasters.create(spec)) {
            for (long t = 0; t < options.warmupPoints(); t++) {
                model.predict(stream.features(t));
            }
            for (int r = 0; r < options.runs(); r++) {
                long start = System.nanoTime();
                for (long t = 0; t < options.predictions(); t++) {
                    model.predict(stream.features(t));
                }
                rates[r] = options.predictions() / ((System.nanoTime() - start) / 1e9);
            }
        }
        return rates;
    }

    /** @return per run: [0] points/s of wall time, [1] points per CPU-second of this thread */
    private double[][] naiveRates(ForecasterSpec spec, PointStream stream) {
        ForecasterSpec naive = spec.withEngine(ForecasterSpec.DL4J_ENGINE).withBpttHorizon(spec.window())
                .withUpdateEvery(1);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] rates = new double[2][options.runs()];
        try (OnlineForecaster model = Forecasters.create(naive)) {
            long t = 0;
            for (; t < spec.window() + 20; t++) {
                model.observe(stream.features(t), stream.previousTarget(t));
            }
            for (int r = 0; r < options.runs(); r++) {
                long start = System.nanoTime();
                long cpuStart = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < options.naiveUpdates(); i++, t++) {
                    model.observe(stream.features(t), stream.previousTarget(t));
                }
                rates[0][r] = options.naiveUpdates() / ((System.nanoTime() - start) / 1e9);
                rates[1][r] = options.naiveUpdates() / ((mx.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            }
        }
        return rates;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
