package io.tickcast.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickcast.bench.EndToEndBench;
import io.tickcast.bench.EndToEndResult;
import io.tickcast.chaos.TickcastJvm;
import io.tickcast.config.TickcastConfig;
import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.bench.BenchOptions;
import io.tickcast.model.bench.BenchReport;
import io.tickcast.model.bench.InProcessBench;
import io.tickcast.model.bench.ProcessScalingBench;
import io.tickcast.stream.JsonSerde;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tickcast bench}: in-process figures of an engine (fast by default) and, in the same run, the naive DL4J loop.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure per-point test-then-train throughput: of the forecaster in process, or with --e2e"
                + " through the whole service on a broker.")
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--symbols", description = "models trained side by side (default: ${DEFAULT-VALUE})")
    int symbols = 1;

    @Option(names = "--threads", description = "threads sharing the symbols (default: ${DEFAULT-VALUE})")
    int threads = 1;

    @Option(names = "--processes", description = "> 1: instead of threads, this many worker JVMs with --symbols / N"
            + " models each, fed on one thread at the same moment, and the first of them alone in every run: the"
            + " scaling a second Kafka Streams instance gives (default: ${DEFAULT-VALUE})")
    int processes = 1;

    @Option(names = "--updates", description = "points per timed run over all symbols (default: ${DEFAULT-VALUE})")
    long updates = 50_000;

    @Option(names = "--runs", description = "timed runs; figures are medians (default: ${DEFAULT-VALUE})")
    int runs = 5;

    @Option(names = "--predictions", description = "prediction-only points per run (default: ${DEFAULT-VALUE})")
    long predictions = 200_000;

    @Option(names = "--naive-updates", description = "points of the naive DL4J loop per run, 0 skips it "
            + "(default: ${DEFAULT-VALUE})")
    int naiveUpdates = 100;

    @Option(names = "--warmup", description = "untimed points per symbol first (default: ${DEFAULT-VALUE})")
    int warmup = 20_000;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--e2e", description = "measure the real service end to end on an in-process broker instead:"
            + " a steady --rate for --seconds, then the bundled month flat out")
    boolean e2e;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "with --e2e: use this running"
            + " broker (e.g. `tickcast broker` in another process or on another machine) instead of starting one")
    String bootstrapServers;

    @Option(names = "--rate", description = "with --e2e: ticks/s of the steady run (default: ${DEFAULT-VALUE})")
    double rate = 100;

    @Option(names = "--seconds", description = "with --e2e: length of the steady run (default: ${DEFAULT-VALUE})")
    int seconds = 60;

    @Option(names = "--warm-up-seconds", description = "with --e2e: steady input before the measured part"
            + " (default: ${DEFAULT-VALUE})")
    int warmUpSeconds = 10;

    @Option(names = "--flat-out-points", description = "with --e2e: ticks of the flat-out run, from the bundled month"
            + " (default: ${DEFAULT-VALUE}, all of it)")
    long flatOutPoints = 38_942;

    @Option(names = "--flat-out-runs", description = "with --e2e: timed flat-out runs after an untimed one, each"
            + " right after a timing of the in-process pipeline; the figures are the median run's, the ratio the"
            + " median of the pairs' (default: ${DEFAULT-VALUE})")
    int flatOutRuns = 3;

    @Option(names = "--session", description = "with --e2e: after the steady run, the bundled Binance session (9,757"
            + " real trades over 346 s, in bursts of up to 950 a second) at its recorded pace; its latencies are"
            + " reported as 'session'")
    boolean session;

    @Option(names = "--session-speed", paramLabel = "N", description = "with --session: N times the recorded pace"
            + " (default: ${DEFAULT-VALUE})")
    double sessionSpeed = 1;

    @Option(names = "--session-trades", paramLabel = "N", description = "with --session: the first N trades"
            + " (default: all)")
    int sessionTrades = Integer.MAX_VALUE;

    @Option(names = "--trade-ids", description = "with --e2e: the steady and flat-out ticks carry trade ids, as"
            + " exchange trades do (the bundled month has none), so the service's tick guard keeps each one")
    boolean tradeIds;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "with --e2e: a config key of the service,"
            + " e.g. --set kafka.commit.interval.ms=1000 or --set processing.guarantee=at_least_once")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        if (e2e) {
            return endToEnd();
        }
        if (processes < 1) {
            throw new ParameterException(commandSpec.commandLine(), "--processes must be >= 1, was " + processes);
        }
        if (processes > 1) {
            return acrossProcesses();
        }
        ForecasterSpec spec = model.spec();
        BenchOptions options = new BenchOptions(spec, symbols, threads, updates, runs, predictions, naiveUpdates,
                warmup);
        BenchReport report = new InProcessBench(options).run();
        System.out.println(json ? toJson(report) : toText(report));
        return 0;
    }

    private Integer acrossProcesses() throws Exception {
        if (threads != 1 || symbols % processes != 0) {
            throw new ParameterException(commandSpec.commandLine(), "--processes " + processes
                    + " needs --threads 1 and --symbols a multiple of it (e.g. --symbols " + processes + ")");
        }
        ForecasterSpec spec = model.spec();
        int perProcess = symbols / processes;
        List<String> worker = TickcastJvm.command(List.of("-Xmx512m", "-XX:+UseG1GC"), List.of("bench-worker",
                "--symbols", Integer.toString(perProcess), "--warmup", Integer.toString(warmup)));
        worker.addAll(model.arguments());
        ProcessScalingBench.Report report = new ProcessScalingBench(new ProcessScalingBench.Options(worker,
                processes, perProcess, Math.max(1, updates / symbols), runs)).run();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("engine", spec.engineOrDefault());
        fields.putAll(report.toMap());
        if (json) {
            System.out.println(JsonSerde.MAPPER.writeValueAsString(fields));
        } else {
            System.out.println(String.format(Locale.ROOT, """
                    tickcast bench --processes %d: %s engine, %d symbol(s) per process on one thread each
                      one process alone  %,12.0f points/s
                      %d at once          %,12.0f points/s  (%,.0f per CPU-second of the feeding threads)
                      scaling            %12.2fx          (median of %d runs; per run %s)
                    """, processes, spec.engineOrDefault(), perProcess, fields.get("alone_points_per_s"),
                    processes, fields.get("together_points_per_s"), fields.get("together_points_per_cpu_s"),
                    report.scaling(), runs, fields.get("scaling_runs")));
        }
        return 0;
    }

    private Integer endToEnd() throws Exception {
        if (session && (!(sessionSpeed > 0) || sessionTrades < 1)) {
            throw new ParameterException(commandSpec.commandLine(), "--session-speed must be > 0 and --session-trades"
                    + " >= 1, were " + sessionSpeed + " and " + sessionTrades);
        }
        TickcastConfig config = TickcastConfig.of(overrides);
        if (!config.barInterval().isZero()) {
            // Each run waits for one prediction per tick; with bars the last bar of a run never closes.
            String key = TickcastConfig.BAR_INTERVAL_CONFIG;
            throw new ConfigException(key, overrides.get(key), "bench --e2e times one prediction per tick and cannot"
                    + " time bars (the last bar of a run stays open); tickcast backtest --set bar.interval=... times"
                    + " bar mode offline");
        }
        List<EndToEndBench.InProcess> inProcessRuns = new ArrayList<>();
        EndToEndResult steady;
        EndToEndResult recorded = null;
        List<EndToEndResult> flatRuns = new ArrayList<>();
        List<Double> pairRatios = new ArrayList<>();
        try (EndToEndBench bench = bootstrapServers == null ? EndToEndBench.start(overrides)
                : EndToEndBench.start(bootstrapServers, overrides)) {
            steady = bench.steadyRate(rate, Duration.ofSeconds(warmUpSeconds), Duration.ofSeconds(seconds), symbols,
                    tradeIds);
            if (session) {
                recorded = bench.recordedPace(sessionSpeed, sessionTrades);
            }
            bench.flatOut(flatOutPoints, 1, tradeIds);
            // in pairs, back to back, so that a slow spell of this shared machine hits both sides of a ratio
            for (int i = 0; i < flatOutRuns; i++) {
                EndToEndBench.InProcess inProcessRun = EndToEndBench.inProcessPipeline(config, flatOutPoints);
                EndToEndResult flatRun = bench.flatOut(flatOutPoints, 1, tradeIds);
                inProcessRuns.add(inProcessRun);
                flatRuns.add(flatRun);
                pairRatios.add(flatRun.pointsPerS() / inProcessRun.pointsPerS());
            }
        }
        EndToEndResult flat = median(flatRuns, EndToEndResult::pointsPerS);
        EndToEndBench.InProcess inProcess = median(inProcessRuns, EndToEndBench.InProcess::pointsPerS);
        double ratio = median(pairRatios, Double::doubleValue);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("config", overrides);
        report.put("broker", bootstrapServers == null ? "in-process" : bootstrapServers);
        report.put("trade_ids", tradeIds);
        report.put("steady", steady);
        report.put("session", recorded);
        report.put("flat_out", flat);
        report.put("flat_out_points_per_s_runs", flatRuns.stream().map(EndToEndResult::pointsPerS).toList());
        report.put("in_process_pipeline_points_per_s", inProcess.pointsPerS());
        report.put("in_process_points_per_s_runs", inProcessRuns.stream().map(EndToEndBench.InProcess::pointsPerS)
                .toList());
        report.put("in_process_cpu_us_per_point", inProcess.cpuUsPerPoint());
        report.put("e2e_vs_in_process", ratio);
        report.put("e2e_vs_in_process_runs", pairRatios);
        report.put("in_process_vs_stream_thread_cpu", inProcess.cpuUsPerPoint() / flat.streamCpuUsPerPoint());
        report.put("load_avg_end", loadAverage());
        if (json) {
            System.out.println(JsonSerde.MAPPER.writeValueAsString(report));
        } else {
            System.out.println(String.format(Locale.ROOT, """
                    tickcast bench --e2e: the service on %s, exactly-once, read back read_committed
                      steady %.0f ticks/s x %d s (after %d s of warm-up) over %d symbol(s): %,d predictions; \
                    emitted latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; \
                    seen by a consumer p50 %.1f ms, p99 %.1f ms, max %.1f ms
                      flat out, %,d ticks (median of %d runs after one untimed): %.1f s, %,.0f points/s; \
                    in process (same pipeline, no Kafka, median of %d) %,.0f points/s; \
                    ratio %.2f (median of the %d pairs', each in-process run right before its flat-out run: %s)
                      CPU per point, flat out: in process %.1f us; the service's stream thread %.1f us (ratio %.2f); \
                    this JVM (%s) %.1f us; load average at the end %.1f
                    """, bootstrapServers == null ? "an in-process broker" : "the broker at " + bootstrapServers,
                    rate, seconds, warmUpSeconds, symbols, steady.measured(), steady.emitP50Ms(),
                    steady.emitP99Ms(), steady.emitMaxMs(), steady.visibleP50Ms(), steady.visibleP99Ms(),
                    steady.visibleMaxMs(), flat.ticks(), flatOutRuns, flat.seconds(), flat.pointsPerS(), flatOutRuns,
                    inProcess.pointsPerS(), ratio, flatOutRuns, pairRatios.stream()
                            .map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(), inProcess.cpuUsPerPoint(),
                    flat.streamCpuUsPerPoint(), inProcess.cpuUsPerPoint() / flat.streamCpuUsPerPoint(),
                    bootstrapServers == null ? "broker, clients, service" : "clients, service",
                    flat.processCpuUsPerPoint(), loadAverage()));
            if (recorded != null) {
                System.out.println(String.format(Locale.ROOT, "  the bundled Binance session at %sx its recorded"
                                + " pace, %,d trades: emitted latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; seen by a"
                                + " consumer p50 %.1f ms, p99 %.1f ms, max %.1f ms", recorded.targetRate(),
                        recorded.measured(), recorded.emitP50Ms(), recorded.emitP99Ms(), recorded.emitMaxMs(),
                        recorded.visibleP50Ms(), recorded.visibleP99Ms(), recorded.visibleMaxMs()));
            }
        }
        return 0;
    }

    private static <T> T median(List<T> runs, ToDoubleFunction<T> by) {
        List<T> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(by));
        return sorted.get(sorted.size() / 2);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String toJson(BenchReport report) throws JsonProcessingException {
        return new ObjectMapper().writeValueAsString(report.toMap());
    }

    /** @return with m &gt; 1, the line comparing to the same models at m = 1 in the same runs; else nothing */
    private static String perPointLine(BenchReport r) {
        if (r.updateEvery() == 1) {
            return "";
        }
        return String.format(Locale.ROOT, "  at m = 1         %,12.0f points/s  (%,.0f per CPU-s; m = %d vs 1: %.2fx"
                + " wall, %.2fx per CPU-s)%n", r.perPointPointsPerS(), r.perPointPointsPerCpuS(), r.updateEvery(),
                r.speedupVsPerPoint(), r.speedupVsPerPointCpu());
    }

    static String toText(BenchReport r) {
        return String.format(java.util.Locale.ROOT, """
                tickcast bench: %s engine, H=%d W=%d k=%d m=%d features=%d layers=%d, %d symbol(s) on %d thread(s),
                  %s (%d cpus)
                  test-then-train  %,12.0f points/s  (median of %d runs of %,d points; %.1f us/update on one thread)
                  per CPU-second   %,12.0f points    (load average %.1f -> %.1f)
                  one thread       %,12.0f points/s  (scaling with %d threads: %.2fx)
                  predictions      %,12.0f points/s
                  naive DL4J loop  %,12.0f points/s  (the engine on one thread: %.0fx)
                  naive per CPU-s  %,12.0f points    (the engine per CPU-second: %.0fx)
                %s  native memory    %.1f -> %.1f MiB;  RSS %.1f -> %.1f MiB;  heap %.1f -> %.1f MiB
                """, r.engine(), r.hidden(), r.window(), r.bptt(), r.updateEvery(), r.features(), r.layers(),
                r.symbols(), r.threads(), r.cpu(),
                r.nproc(), r.pointsPerS(), r.runs(), r.updates(), r.usPerUpdate(), r.pointsPerCpuS(),
                r.loadAverageStart(), r.loadAverageEnd(), r.singleThreadPointsPerS(),
                r.threads(), r.scalingVsOneThread(), r.predictionsPerS(), r.naivePointsPerS(), r.speedupVsNaive(),
                r.naivePointsPerCpuS(), r.speedupVsNaiveCpu(), perPointLine(r),
                r.nativeMbStart(), r.nativeMbEnd(), r.rssMbStart(), r.rssMbEnd(), r.heapMbStart(), r.heapMbEnd());
    }
}
