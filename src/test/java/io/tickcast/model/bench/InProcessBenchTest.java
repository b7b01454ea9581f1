package io.tickcast.model.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickcast.model.ForecasterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-process bench measures the engine it is given; its figures are checked for sense, never for speed. */
class InProcessBenchTest {

    private static final ForecasterSpec SMALL = new ForecasterSpec("fast", 5, 8, 1, 8, 2, 1e-3, 3L);

    @ParameterizedTest
    @ValueSource(strings = {"fast", "nd4j"})
    void shouldMeasureTheEngineItIsGiven(String engine) throws InterruptedException {
        BenchReport report = new InProcessBench(new BenchOptions(SMALL.withEngine(engine), 1, 1, 300, 2, 300, 3, 20))
                .run();

        assertThat(report.engine()).isEqualTo(engine);
        assertThat(report.toMap()).containsEntry("engine", engine).containsEntry("updates", 300L);
        assertThat(report.runPointsPerS()).hasSize(2).allSatisfy(rate -> assertThat(rate).isPositive());
        assertThat(report.pointsPerS()).isPositive();
        assertThat(report.predictionsPerS()).isPositive();
        assertThat(report.naivePointsPerS()).isPositive();
        assertThat(report.speedupVsNaive()).isEqualTo(report.singleThreadPointsPerS() / report.naivePointsPerS());
    }

    @Test
    void shouldRefuseToMeasureTheNaiveLoopAsTheEngine() {
        assertThatThrownBy(() -> new BenchOptions(SMALL.withEngine("dl4j"), 1, 1, 300, 2, 300, 3, 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engine");
    }
}
