package io.tickcast.model.bench;

import io.tickcast.model.ForecasterSpec;
import io.tickcast.model.Forecasters;
import io.tickcast.model.OnlineForecaster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One process of {@link ProcessScalingBench}: its own models, fed on one thread when told to. It speaks a line
 * protocol so that the parent can start the timed feeds of several processes at the same moment:
 * every line it answers starts with {@value #PREFIX}.
 * <ul>
 *   <li>after the warm-up it writes {@code ready};</li>
 *   <li>{@code run P} feeds P points to each of its models and answers {@code done <wall ns> <cpu ns> <updates>},
 *       updates being the sum of the models' {@link OnlineForecaster#updates()};</li>
 *   <li>{@code quit} or the end of input closes the models and returns.</li>
 * </ul>
 * Not thread-safe: one reader, one writer.
 */
public final class BenchWorker implements AutoCloseable {

    /** Starts every line the worker writes for its parent; anything else it prints (logs) is not protocol. */
    public static final String PREFIX = "bench-worker ";

    private final List<OnlineForecaster> models = new ArrayList<>();
    private final PointStream stream;
    private final long[] clock;

    /**
     * Creates {@code symbols} models of {@code spec} and feeds each {@code warmupPoints} untimed points.
     *
     * @throws IllegalArgumentException for a bad count or, from {@link Forecasters#create}, a bad spec
     */
    public BenchWorker(ForecasterSpec spec, int symbols, int warmupPoints) {
        if (symbols < 1 || warmupPoints < 0) {
            throw new IllegalArgumentException("symbols must be > 0 and warmupPoints >= 0, were " + symbols + " and "
                    + warmupPoints);
        }
        for (int s = 0; s < symbols; s++) {
            models.add(Forecasters.create(spec));
        }
        stream = new PointStream(spec.inputSize(), spec.seed());
        clock = new long[symbols];
        feed(warmupPoints);
    }

    /** Answers the parent's commands until {@code quit} or the end of {@code in}. */
    public void serve(BufferedReader in, PrintStream out) throws IOException {
        out.println(PREFIX + "ready");
        out.flush();
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            if (!line.startsWith("run ")) {
                throw new IllegalArgumentException("unknown command: " + line);
            }
            long points = Long.parseLong(line.substring(4).trim());
            long start = System.nanoTime();
            long cpu = feed(points);
            long wall = System.nanoTime() - start;
            long updates = models.stream().mapToLong(OnlineForecaster::updates).sum();
            out.println(String.format(Locale.ROOT, PREFIX + "done %d %d %d", wall, cpu, updates));
            out.flush();
        }
    }

    /** @return the CPU nanoseconds this thread used */
    private long feed(long points) {
        return InProcessBench.feedShare(models, stream, clock, points, 0, 1);
    }

    @Override
    public void close() {
        models.forEach(OnlineForecaster::close);
    }
}
