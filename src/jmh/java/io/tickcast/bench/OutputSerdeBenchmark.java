package io.tickcast.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickcast.config.TickcastConfig;
import io.tickcast.pipeline.Point;
import io.tickcast.pipeline.PointOutcome;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.QualityReport;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.service.PipelineSettingsMapper;
import io.tickcast.stream.JsonSerde;
import io.tickcast.tick.Tick;
import io.tickcast.tick.TickFiles;
import io.tickcast.tick.TickReader;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-point work the service does beside the pipeline that costs the most (see BENCHMARKS.md, end to end):
 * writing a point's prediction and quality report as the JSON records of the {@code predictions} and
 * {@code drift-metrics} topics (what {@code JsonSerde} does), with and without the fast double writer. The records are real:
 * the outcome of the 2,000th point of the bundled month with the default configuration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class OutputSerdeBenchmark {

    private static final int POINTS = 2_000;

    /** true: tickcast's mapper as it is (Schubfach); false: the same mapper with Java's {@code Double.toString}. */
    @Param({"true", "false"})
    public boolean fastDoubles;

    private ObjectMapper mapper;
    private Prediction prediction;
    private QualityReport report;

    @Setup(Level.Trial)
    public void setUp() {
        mapper = JsonSerde.MAPPER.copy().configure(JsonGenerator.Feature.USE_FAST_DOUBLE_WRITER, fastDoubles);
        SymbolPipeline pipeline = PipelineSettingsMapper.pipelines(TickcastConfig.of(Map.of())).create("BTC-USD");
        try (TickReader reader = TickFiles.openBundled(TickFiles.DEFAULT_SYMBOL, bad -> { })) {
            PointOutcome last = null;
            for (Tick t : reader.stream().limit(POINTS).toList()) {
                last = pipeline.process(new Point("BTC-USD", t.ts(), t.price(), t.size(), t.ts()));
            }
            prediction = last.prediction();
            report = last.quality();
        } finally {
            pipeline.close();
        }
    }

    @Benchmark
    public byte[] writePrediction() throws JsonProcessingException {
        return mapper.writeValueAsBytes(prediction);
    }

    @Benchmark
    public byte[] writeQualityReport() throws JsonProcessingException {
        return mapper.writeValueAsBytes(report);
    }
}
