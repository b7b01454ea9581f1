package io.tickcast.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tickcast.config.TickcastConfig;
import io.tickcast.metrics.MetricNames;
import io.tickcast.model.Forecasters;
import io.tickcast.model.ForwardingForecaster;
import io.tickcast.model.OnlineForecaster;
import io.tickcast.pipeline.ForecasterFactory;
import io.tickcast.pipeline.Prediction;
import io.tickcast.pipeline.SymbolPipeline;
import io.tickcast.stream.internals.PipelineFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint that cannot be taken fails its point as a pipeline error does: nothing of the point is kept. */
class CheckpointFailureTest {

    private static final long T0 = 1_736_208_000_000L;
    private static final Map<String, String> EVERY_3 = Map.of("model.checkpoint.every", "3");

    @TempDir
    Path stateDir;

    @Test
    void shouldFailThePointWhoseCheckpointThrowsAndContinueAsIfItHadNotArrived() {
        AtomicBoolean broken = new AtomicBoolean();
        List<Prediction> failing;
        try (TopologyFixture f = new TopologyFixture(stateDir.resolve("a"), EVERY_3, c -> pipelines(c, broken))) {
            f.tick("BTC-USD", T0, 100);
            f.tick("BTC-USD", T0 + 1_000, 101);
            broken.set(true);
            f.tick("BTC-USD", T0 + 2_000, 150); // the third point: its checkpoint throws
            assertThat(f.registry.find(MetricNames.MODEL_VERSION).tag(MetricNames.TAG_SYMBOL, "BTC-USD").gauge())
                    .as("its series end with its model, until its next point").isNull();
            broken.set(false);
            for (int i = 3; i < 10; i++) {
                f.tick("BTC-USD", T0 + i * 1_000L, 100 + i);
            }
            failing = f.readPredictions();
            assertThat(f.registry.get(MetricNames.POINTS_FAILED).counter().count()).isEqualTo(1.0);
        }
        List<Prediction> without;
        try (TopologyFixture f = new TopologyFixture(stateDir.resolve("b"), EVERY_3)) {
            f.tick("BTC-USD", T0, 100);
            f.tick("BTC-USD", T0 + 1_000, 101);
            for (int i = 3; i < 10; i++) {
                f.tick("BTC-USD", T0 + i * 1_000L, 100 + i);
            }
            without = f.readPredictions();
        }

        assertThat(TickcastTopologyTest.withoutLatency(failing))
                .as("no prediction for the failed point, and the model goes on without it")
                .isEqualTo(TickcastTopologyTest.withoutLatency(without));
    }

    private static PipelineFactory pipelines(TickcastConfig config, AtomicBoolean broken) {
        ForecasterFactory forecasters = ForecasterFactory.of(spec -> new Breakable(Forecasters.create(spec), broken),
                snapshot -> new Breakable(Forecasters.restore(snapshot), broken));
        return new PipelineFactory() {
            @Override
            public SymbolPipeline create(String symbol) {
                return SymbolPipeline.create(symbol, config.pipelineSettings(), forecasters);
            }

            @Override
            public SymbolPipeline restore(byte[] snapshot) {
                return SymbolPipeline.restore(snapshot, config.pipelineSettings(), forecasters);
            }
        };
    }

    /** The real forecaster, whose snapshot throws while {@code broken} is set. */
    private static final class Breakable extends ForwardingForecaster {
        private final AtomicBoolean broken;

        Breakable(OnlineForecaster real, AtomicBoolean broken) {
            super(real);
            this.broken = broken;
        }

        @Override
        public byte[] snapshot() {
            if (broken.get()) {
                throw new IllegalStateException("snapshot failed on purpose");
            }
            return super.snapshot();
        }
    }
}
