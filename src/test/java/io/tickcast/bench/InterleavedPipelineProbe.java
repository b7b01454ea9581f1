package io.tickcast.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.tickcast.config.TickcastConfig;
import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.QualityReport;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.service.PipelineSettingsMapper;
import io.tickcast.stream.JsonSerde;
import io.tickcast.tick.Tick;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Does the service's per-point pipeline slow down when other work runs between its points, as in the stream thread?
 * Runs the default pipeline over the bundled month in one thread, timing only {@code SymbolPipeline.process}, in
 * three modes, interleaved round by round so that the machine's load hits them alike:
 * <ul>
 *   <li>{@code alone}: points back to back, as {@code tickcast bench --e2e} measures "in process";</li>
 *   <li>{@code json}: after each point, its prediction and quality report written as the topics' JSON, as the
 *   stream thread does;</li>
 *   <li>{@code json+walk}: the JSON and then a read of one cache line in every 64 bytes of a 1 MiB array, a
 *   stand-in for the rest of the stream thread's per-point work (Kafka Streams, the producer, the stores) that
 *   moves other data through the core's caches.</li>
 * </ul>
 * A diagnostic main, not a test (System.out). Arguments: {@code rounds} (default 5) and the {@code model.engine}
 * (default: the service's). Prints the pipeline's
 * microseconds per point in each mode and round, and the medians' ratios to {@code alone}.
 */
public final class InterleavedPipelineProbe {

    private static final String SYMBOL = "PROBE";
    private static final int WALK_BYTES = 1 << 20;

    private InterleavedPipelineProbe() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Map<String, String> config = args.length > 1 ? Map.of("model.engine", args[1]) : Map.of();
        List<Tick> series = EndToEndBench.bundledSeries(Long.MAX_VALUE);
        var pipelines = PipelineSettingsMapper.pipelines(TickcastConfig.of(config));
        Serializer<Prediction> predictions = new JsonSerde<>(Prediction.class).serializer();
        Serializer<QualityReport> reports = new JsonSerde<>(QualityReport.class).serializer();
        byte[] walk = new byte[WALK_BYTES];
        String[] modes = {"alone", "json", "json+walk"};
        double[][] micros = new double[modes.length][rounds];
        long sink = 0;
        for (int r = -1; r < rounds; r++) {
            for (int m = 0; m < modes.length; m++) {
                SymbolPipeline pipeline = pipelines.create(SYMBOL);
                long inPipeline = 0;
                try {
                    for (Tick t : series) {
                        long start = System.nanoTime();
                        PointOutcome outcome = pipeline.process(new Point(SYMBOL, t.ts(), t.price(), t.size(), 0));
                        inPipeline += System.nanoTime() - start;
                        if (m >= 1) {
                            sink += predictions.serialize("predictions", outcome.prediction()).length;
                            if (outcome.quality() != null) {
                                sink += reports.serialize("drift-metrics", outcome.quality()).length;
                            }
                        }
                        if (m == 2) {
                            for (int i = 0; i < WALK_BYTES; i += 64) {
                                sink += walk[i]++;
                            }
                        }
                    }
                } finally {
                    pipeline.close();
                }
                if (r >= 0) {
                    micros[m][r] = inPipeline / 1e3 / series.size();
                }
            }
            if (r >= 0) {
                System.out.printf(Locale.ROOT, "round %d: pipeline us/point alone %.2f, json %.2f, json+walk %.2f%n",
                        r + 1, micros[0][r], micros[1][r], micros[2][r]);
            }
        }
        double[] medians = new double[modes.length];
        for (int m = 0; m < modes.length; m++) {
            double[] sorted = micros[m].clone();
            Arrays.sort(sorted);
            medians[m] = sorted[rounds / 2];
        }
        System.out.printf(Locale.ROOT, "medians of %d rounds over %d points: alone %.2f, json %.2f (%.2fx), "
                        + "json+walk %.2f (%.2fx) us/point in the pipeline (checksum %d)%n", rounds, series.size(),
                medians[0], medians[1], medians[1] / medians[0], medians[2], medians[2] / medians[0], sink);
    }
}
