package io.tickcast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The goals of issue 4 with the default settings on the real files; skipped when ../shared/data is absent. */
class RealDataBacktestTest {
    private static final Path DATA = Path.of("..", "shared", "data");

    private static SymbolSummary backtest(RealDataEvaluation.DataSet set) throws IOException {
        assumeTrue(Files.isRegularFile(DATA.resolve(set.file())), "no " + set.file());
        return BacktestRunner.run(set.options(DATA), ProgressListener.NONE).summaries().get(0);
    }

    @Test
    void shouldBeatTheLectureLstmOnItsTestDaysWithinTwoPercentOfTheNaiveForecast() throws IOException {
        SymbolSummary s = backtest(RealDataEvaluation.DATA_SETS.get(0));

        assertThat(s.scored()).isEqualTo(279);
        assertThat(s.rmse()).isLessThan(RealDataEvaluation.LECTURE_RMSE);
        assertThat(s.rmse()).isLessThanOrEqualTo(1.02 * s.naiveRmse());
        // The goal, 87-93%; on 279 days one point is 0.36%. Measured since the third round: 88.9% (248 of 279; 86.7%
        // before it, see docs/QUALITY.md).
        assertThat(s.intervalCoverage()).isBetween(0.87, 0.93);
    }

    @Test
    void shouldMatchTheNaiveAndAr1BaselinesOnTheUnseenHalfOfTheMinuteMonth() throws IOException {
        SymbolSummary s = backtest(RealDataEvaluation.DATA_SETS.get(2));

        assertThat(s.rmse()).isLessThanOrEqualTo(1.02 * s.naiveRmse());
        assertThat(s.rmse()).isLessThanOrEqualTo(s.ar1Rmse());
        assertThat(s.intervalCoverage()).isBetween(0.87, 0.93);
    }

    @Test
    void shouldMatchTheNaiveAndAr1BaselinesOnTickLevelTrades() throws IOException {
        SymbolSummary s = backtest(RealDataEvaluation.DATA_SETS.get(3));

        assertThat(s.rmse()).isLessThanOrEqualTo(1.02 * s.naiveRmse());
        assertThat(s.rmse()).isLessThanOrEqualTo(s.ar1Rmse());
        assertThat(s.intervalCoverage()).isBetween(0.87, 0.93);
    }

    @Test
    void shouldMatchTheNaiveAndAr1BaselinesOnARecordedBinanceSession() throws IOException {
        SymbolSummary s = backtest(RealDataEvaluation.DATA_SETS.get(4));

        assertThat(s.scored()).as("every trade of the session, the ones sharing a millisecond included")
                .isEqualTo(9_756);
        assertThat(s.duplicateTicks()).isZero();
        assertThat(s.rmse()).isLessThanOrEqualTo(1.02 * s.naiveRmse());
        assertThat(s.rmse()).isLessThanOrEqualTo(s.ar1Rmse());
        assertThat(s.ar1Rmse()).as("the AR(1) baseline is not thrown off by its first changes")
                .isLessThan(1.01 * s.naiveRmse());
        assertThat(s.intervalCoverage()).isBetween(0.87, 0.93);
    }
}
