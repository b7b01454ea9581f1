package io.tickcast.model.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures of one bench invocation of the engine {@code engine} ({@code fast} or {@code nd4j}). Rates are medians
 * over the runs; every ratio is between figures measured in the same invocation. {@code updateEvery} is m, the labelled points per Adam step (1: one step per point); with
 * m &gt; 1 the {@code perPoint} figures are the same models at m = 1 timed in the same runs (NaN, JSON null, at m = 1).
 * Memory in MiB: {@code native} is what JavaCPP has allocated (ND4J's native buffers),
 * {@code rss} the process's resident set, {@code heap} the used Java heap after a GC. {@code pointsPerCpuS} divides
 * by the CPU time of the worker threads instead of wall time: on a shared machine it shows the cost per point
 * without the time the threads spent waiting for a core; the load averages say how shared the machine was.
 */
public record BenchReport(String engine, int hidden, int window, int bptt, int updateEvery, int features, int layers,
                          int symbols, int threads,
                          long updates, int runs, double pointsPerS, double singleThreadPointsPerS,
                          double scalingVsOneThread, double usPerUpdate, double predictionsPerS,
                          double naivePointsPerS, double speedupVsNaive, List<Double> runPointsPerS,
                          double nativeMbStart, double nativeMbEnd, double rssMbStart, double rssMbEnd,
                          double heapMbStart, double heapMbEnd, double rssMbAfterModels, double pointsPerCpuS,
                          double singleThreadPointsPerCpuS,
                          double naivePointsPerCpuS, double speedupVsNaiveCpu,
                          double perPointPointsPerS, double speedupVsPerPoint, double perPointPointsPerCpuS,
                          double speedupVsPerPointCpu,
                          double loadAverageStart, double loadAverageEnd, String cpu, int nproc) {

    /** @return the figures under their snake_case JSON names, in a stable order */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", engine);
        m.put("hidden", hidden);
        m.put("window", window);
        m.put("bptt", bptt);
        m.put("update_every", updateEvery);
        m.put("features", features);
        m.put("layers", layers);
        m.put("symbols", symbols);
        m.put("threads", threads);
        m.put("updates", updates);
        m.put("runs", runs);
        m.put("points_per_s", round(pointsPerS));
        m.put("median_points_per_s", round(pointsPerS));
        m.put("single_thread_points_per_s", round(singleThreadPointsPerS));
        m.put("scaling_vs_one_thread", round(scalingVsOneThread));
        m.put("us_per_update", round(usPerUpdate));
        m.put("predictions_per_s", round(predictionsPerS));
        m.put("naive_points_per_s", round(naivePointsPerS));
        m.put("speedup_vs_naive", round(speedupVsNaive));
        m.put("run_points_per_s", runPointsPerS.stream().map(BenchReport::round).toList());
        m.put("native_mb_start", round(nativeMbStart));
        m.put("native_mb_end", round(nativeMbEnd));
        m.put("rss_mb_start", round(rssMbStart));
        m.put("rss_mb_end", round(rssMbEnd));
        m.put("heap_mb_start", round(heapMbStart));
        m.put("heap_mb_end", round(heapMbEnd));
        m.put("rss_mb_after_models", round(rssMbAfterModels));
        m.put("points_per_cpu_s", round(pointsPerCpuS));
        m.put("single_thread_points_per_cpu_s", round(singleThreadPointsPerCpuS));
        m.put("naive_points_per_cpu_s", round(naivePointsPerCpuS));
        m.put("speedup_vs_naive_cpu", round(speedupVsNaiveCpu));
        m.put("per_point_points_per_s", round(perPointPointsPerS));
        m.put("speedup_vs_per_point", round(speedupVsPerPoint));
        m.put("per_point_points_per_cpu_s", round(perPointPointsPerCpuS));
        m.put("speedup_vs_per_point_cpu", round(speedupVsPerPointCpu));
        m.put("load_avg_start", round(loadAverageStart));
        m.put("load_avg_end", round(loadAverageEnd));
        m.put("cpu", cpu);
        m.put("nproc", nproc);
        return m;
    }

    /** @return v rounded to 2 decimals, or null (JSON null) when not measured */
    static Double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100.0) / 100.0 : null;
    }
}
