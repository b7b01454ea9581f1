package io.tickcast.model.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scaling across processes: {@code processes} worker JVMs ({@link BenchWorker}), each with its own models on one
 * thread, told to feed the same number of points at the same moment; and in the same invocation, in every run,
 * the first worker alone. The ratio of the two rates is what a second process (a second Kafka Streams instance)
 * adds. Runs alternate which of the two goes first.
 *
 * <p>This exists because two threads in one JVM cannot show it for the nd4j engine: libnd4j takes process-wide
 * locks for every array its LSTM cell ops create inside (BENCHMARKS.md, "The `nd4j` engine on two cores").
 */
public final class ProcessScalingBench {

    private static final String PREFIX = BenchWorker.PREFIX;

    /**
     * What to measure.
     *
     * @param workerCommand     the command that starts one worker, speaking {@link BenchWorker}'s protocol with
     *                          lines prefixed {@value BenchWorker#PREFIX}
     * @param processes         workers started, at least 2
     * @param symbolsPerProcess models in each worker
     * @param pointsPerRun      points per model in one timed run
     * @param runs              timed runs; figures are medians
     */
    public record Options(List<String> workerCommand, int processes, int symbolsPerProcess, long pointsPerRun,
                          int runs) {
        public Options {
            workerCommand = List.copyOf(workerCommand);
            if (processes < 2) {
                throw new IllegalArgumentException("processes must be >= 2, was " + processes);
            }
            if (symbolsPerProcess < 1 || pointsPerRun < 1 || runs < 1) {
                throw new IllegalArgumentException("symbolsPerProcess, pointsPerRun and runs must be > 0");
            }
        }
    }

    /**
     * Figures of one invocation; rates count points over all models of the processes taking part.
     *
     * @param aloneRuns          points/s of the first worker alone, per run
     * @param togetherRuns       points/s of all workers at once (all points over the slowest worker's wall time)
     * @param togetherPerCpuRuns points per CPU-second of the workers' feeding threads, all at once
     * @param scalingRuns        together / alone, per run
     * @param updates            the models' updates counted by the workers at the end, per worker
     */
    public record Report(int processes, int symbolsPerProcess, long pointsPerRun, List<Double> aloneRuns,
                         List<Double> togetherRuns, List<Double> togetherPerCpuRuns, List<Double> scalingRuns,
                         List<Long> updates) {

        public double scaling() {
            return median(scalingRuns);
        }

        /** @return the figures under snake_case JSON names */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("processes", processes);
            m.put("symbols_per_process", symbolsPerProcess);
            m.put("points_per_run", pointsPerRun);
            m.put("alone_points_per_s", BenchReport.round(median(aloneRuns)));
            m.put("together_points_per_s", BenchReport.round(median(togetherRuns)));
            m.put("together_points_per_cpu_s", BenchReport.round(median(togetherPerCpuRuns)));
            m.put("scaling_vs_one_process", BenchReport.round(scaling()));
            m.put("alone_runs", aloneRuns.stream().map(BenchReport::round).toList());
            m.put("together_runs", togetherRuns.stream().map(BenchReport::round).toList());
            m.put("scaling_runs", scalingRuns.stream().map(BenchReport::round).toList());
            m.put("updates_per_process", updates);
            m.put("load_avg_end", BenchReport.round(MemoryProbe.loadAverage()));
            return m;
        }
    }

    private final Options options;

    public ProcessScalingBench(Options options) {
        this.options = options;
    }

    /**
     * @return the figures
     * @throws IOException if a worker cannot be started, dies, or answers something else than the protocol
     */
    public Report run() throws IOException {
        List<Worker> workers = new ArrayList<>();
        try {
            for (int i = 0; i < options.processes(); i++) {
                workers.add(Worker.start(options.workerCommand()));
            }
            for (Worker w : workers) {
                w.await("ready");
            }
            List<Double> alone = new ArrayList<>();
            List<Double> together = new ArrayList<>();
            List<Double> togetherCpu = new ArrayList<>();
            List<Double> scaling = new ArrayList<>();
            long points = options.pointsPerRun() * options.symbolsPerProcess();
            List<Worker> first = workers.subList(0, 1);
            for (int r = 0; r < options.runs(); r++) {
                double[] solo;
                double[] all;
                if (r % 2 == 0) {
                    solo = feed(first);
                    all = feed(workers);
                } else {
                    all = feed(workers);
                    solo = feed(first);
                }
                alone.add(points / (solo[0] / 1e9));
                together.add(points * workers.size() / (all[0] / 1e9));
                togetherCpu.add(points * workers.size() / (all[1] / 1e9));
                scaling.add(together.get(r) / alone.get(r));
            }
            List<Long> updates = workers.stream().map(Worker::lastUpdates).toList();
            return new Report(options.processes(), options.symbolsPerProcess(), options.pointsPerRun(), alone,
                    together, togetherCpu, scaling, updates);
        } finally {
            workers.forEach(Worker::stop);
        }
    }

    /** @return [0] the slowest worker's wall nanoseconds, [1] the workers' CPU nanoseconds together */
    private double[] feed(List<Worker> workers) throws IOException {
        for (Worker w : workers) {
            w.send("run " + options.pointsPerRun());
        }
        double wall = 0;
        double cpu = 0;
        for (Worker w : workers) {
            long before = w.lastUpdates();
            String[] done = w.await("done").split(" ");
            wall = Math.max(wall, Long.parseLong(done[1]));
            cpu += Long.parseLong(done[2]);
            w.lastUpdates = Long.parseLong(done[3]);
            if (w.lastUpdates <= before) {
                throw new IOException("a worker's models did not learn during a run: updates " + before + " -> "
                        + w.lastUpdates);
            }
        }
        return new double[] {wall, cpu};
    }

    /** One worker process and its two pipes. */
    private static final class Worker {
        private final Process process;
        private final BufferedReader out;
        private final PrintStream in;
        private final List<String> other = new ArrayList<>();
        private long lastUpdates;

        private Worker(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        static Worker start(List<String> command) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("OMP_NUM_THREADS", "1");
            return new Worker(builder.start());
        }

        void send(String line) {
            in.println(line);
        }

        /** @return the protocol line starting with {@code word}, without the prefix; other output is kept */
        String await(String word) throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(PREFIX + word)) {
                    return line.substring(PREFIX.length());
                }
                if (other.size() < 50) {
                    other.add(line);
                }
            }
            throw new IOException("a bench worker ended before answering '" + word + "'; its output:\n"
                    + String.join("\n", other));
        }

        long lastUpdates() {
            return lastUpdates;
        }

        void stop() {
            in.println("quit");
            in.close();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static double median(List<Double> values) {
        return InProcessBench.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
