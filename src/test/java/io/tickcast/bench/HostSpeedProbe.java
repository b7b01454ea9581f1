package io.tickcast.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;

import io.tickcast.config.TickcastConfig;
import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.service.PipelineSettingsMapper;
import io.tickcast.stream.internals.PipelineFactory;
import io.tickcast.tick.Tick;

/**
 * Does the same per-point work always cost the same CPU time on this machine? Runs a fresh service pipeline over
 * the first {@code points} of the bundled month, {@code runs} times one after another in this thread, and prints
 * the CPU time per point of every 1,000-point block (in microseconds), one line per run. Nothing else in the JVM
 * works meanwhile. On an idle machine every block should cost about the same; stretches of markedly dearer blocks,
 * starting or ending in the middle of a run, come from outside this process (BENCHMARKS.md, "Machine").
 *
 * <p>A diagnostic main, not a test (System.out). Arguments: {@code runs}, {@code points}, {@code model.engine}, e.g.
 * {@code 10 12000 nd4j}.
 */
public final class HostSpeedProbe {

    private static final int BLOCK = 1_000;

    private HostSpeedProbe() {
    }

    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        int points = Integer.parseInt(args[1]);
        List<Tick> series = EndToEndBench.bundledSeries(points);
        PipelineFactory factory = PipelineSettingsMapper.pipelines(TickcastConfig.of(Map.of("model.engine", args[2])));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < runs; r++) {
            StringBuilder line = new StringBuilder("run " + r + ": us per point per block:");
            try (SymbolPipeline pipeline = factory.create("PROBE")) {
                long cpu = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < series.size(); i++) {
                    Tick t = series.get(i);
                    pipeline.process(new Point("PROBE", t.ts(), t.price(), t.size(), 0));
                    if ((i + 1) % BLOCK == 0) {
                        long now = threads.getCurrentThreadCpuTime();
                        line.append(' ').append((now - cpu) / 1_000 / BLOCK);
                        cpu = now;
                    }
                }
            }
            System.out.println(line);
        }
    }
}
