package io.tickcast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.tickcast.model.ForecasterSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures a quality report publishes (the drift-metrics topic and the gauges) recomputed here from what a user
 * sees: each report scores the prediction emitted at the previous point, and its running figures are the fading and
 * window means of those per-point scores.
 */
class QualityReportFiguresTest {
    private static final String SYMBOL = "BTC-USD";
    private static final ForecasterSpec SPEC = new ForecasterSpec("test", FeatureExtractor.FEATURES, 0, 0, 1, 1,
            0.05, 3L);
    private static final PipelineSettings SETTINGS = PipelineSettings.defaults().withForecaster(SPEC);
    private static final double FADING = SETTINGS.quality().fadingFactor();
    private static final int WINDOW = SETTINGS.quality().window();

    /** A fading mean written independently of the production one: sum of f^k x_{n-k} over sum of f^k. */
    private static final class Fading {
        private double sum;
        private double weight;

        void add(double x) {
            sum = FADING * sum + x;
            weight = FADING * weight + 1;
        }

        double mean() {
            return sum / weight;
        }
    }

    /** The plain mean of the last {@link #WINDOW} values. */
    private static final class Window {
        private final Deque<Double> values = new ArrayDeque<>();

        void add(double x) {
            values.addLast(x);
            if (values.size() > WINDOW) {
                values.removeFirst();
            }
        }

        double mean() {
            return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
    }

    private static List<PointOutcome> run(List<Point> points) {
        List<PointOutcome> outcomes = new ArrayList<>();
        try (SymbolPipeline pipeline = SymbolPipeline.create(SYMBOL, SETTINGS, LinearTestForecaster.factory())) {
            points.forEach(p -> outcomes.add(pipeline.process(p)));
        }
        return outcomes;
    }

    @Test
    void shouldScoreEachPointAgainstThePredictionEmittedAtThePreviousPoint() {
        List<PointOutcome> outcomes = run(SyntheticPrices.ar1Returns(SYMBOL, 2000, -0.3, 0.001, 29L));

        double alpha = SETTINGS.quality().ewmaAlpha();
        double ewma = outcomes.get(0).prediction().price();
        int intervals = 0;
        for (int t = 1; t < outcomes.size(); t++) {
            Prediction before = outcomes.get(t - 1).prediction();
            QualityReport r = outcomes.get(t).quality();
            double price = r.price();

            assertThat(r.predictedPrice()).as("point %d", t).isEqualTo(before.predictedPrice());
            assertThat(r.absError()).as("point %d", t).isEqualTo(Math.abs(price - before.predictedPrice()));
            assertThat(r.naiveAbsError()).as("point %d", t).isEqualTo(Math.abs(price - before.price()));
            assertThat(r.ewmaAbsError()).as("point %d: the EWMA of the earlier prices only", t)
                    .isCloseTo(Math.abs(price - ewma), within(1e-6));
            ewma = alpha * price + (1 - alpha) * ewma;
            if (before.lower() == null) {
                assertThat(r.covered()).as("point %d", t).isNull();
            } else {
                intervals++;
                assertThat(r.covered()).as("point %d", t)
                        .isEqualTo(before.lower() <= price && price <= before.upper());
            }
            double moved = price - before.price();
            double predictedMove = before.predictedPrice() - before.price();
            Double hit = moved == 0 ? null : predictedMove == 0 ? 0.5 : Math.signum(moved) == Math.signum(predictedMove)
                    ? 1.0 : 0.0;
            assertThat(r.directionalHit()).as("point %d", t).isEqualTo(hit);
        }
        assertThat(intervals).isGreaterThan(1900);
    }

    @Test
    void shouldCentreEachIntervalOnThePredictedPrice() {
        List<PointOutcome> outcomes = run(SyntheticPrices.varianceShift(SYMBOL, 2000, 1000, 0.001, 4, 31L));

        List<Prediction> withInterval = outcomes.stream().map(PointOutcome::prediction)
                .filter(p -> p.lower() != null && Double.isFinite(p.lower()) && Double.isFinite(p.upper())).toList();
        assertThat(withInterval).hasSizeGreaterThan(1900);
        for (Prediction p : withInterval) {
            assertThat(p.lower()).as("at %d", p.ts()).isLessThan(p.predictedPrice());
            assertThat(p.upper() - p.predictedPrice()).as("the interval is +- one conformal half-width, at %d", p.ts())
                    .isCloseTo(p.predictedPrice() - p.lower(), withinPercentage(1e-6));
        }
    }

    @Test
    void shouldPublishTheFadingAndWindowFiguresOfThePerPointScores() {
        List<PointOutcome> outcomes = run(SyntheticPrices.ar1Returns(SYMBOL, 2000, -0.3, 0.001, 30L));
        Fading squared = new Fading();
        Fading naiveSquared = new Fading();
        Window windowSquared = new Window();
        Window naiveWindowSquared = new Window();
        Fading coverage = new Fading();
        Window windowCoverage = new Window();
        Fading direction = new Fading();
        Window windowDirection = new Window();
        QualityReport last = null;
        for (PointOutcome o : outcomes.subList(1, outcomes.size())) {
            last = o.quality();
            squared.add(last.absError() * last.absError());
            naiveSquared.add(last.naiveAbsError() * last.naiveAbsError());
            windowSquared.add(last.absError() * last.absError());
            naiveWindowSquared.add(last.naiveAbsError() * last.naiveAbsError());
            if (last.covered() != null) {
                coverage.add(last.covered() ? 1 : 0);
                windowCoverage.add(last.covered() ? 1 : 0);
            }
            if (last.directionalHit() != null) {
                direction.add(last.directionalHit());
                windowDirection.add(last.directionalHit());
            }
        }

        double rmse = Math.sqrt(squared.mean());
        double naiveRmse = Math.sqrt(naiveSquared.mean());
        assertThat(last.scored()).isEqualTo(1999);
        assertThat(last.fading().rmse()).isCloseTo(rmse, withinPercentage(1e-6));
        assertThat(last.naiveFading().rmse()).isCloseTo(naiveRmse, withinPercentage(1e-6));
        assertThat(last.window().rmse()).isCloseTo(Math.sqrt(windowSquared.mean()), withinPercentage(1e-6));
        assertThat(last.skill()).isCloseTo(1 - rmse / naiveRmse, withinPercentage(1e-4));
        assertThat(last.windowSkill()).isCloseTo(1 - Math.sqrt(windowSquared.mean())
                / Math.sqrt(naiveWindowSquared.mean()), withinPercentage(1e-4));
        assertThat(last.skill()).as("the model beats naive on autocorrelated returns").isPositive();
        assertThat(last.intervalCoverage()).isCloseTo(coverage.mean(), withinPercentage(1e-6));
        assertThat(last.windowIntervalCoverage()).isCloseTo(windowCoverage.mean(), withinPercentage(1e-6));
        assertThat(last.intervalCoverage()).as("about the nominal 90%").isBetween(0.8, 0.97);
        assertThat(last.directionalAccuracy()).isCloseTo(direction.mean(), withinPercentage(1e-6));
        assertThat(last.windowDirectionalAccuracy()).isCloseTo(windowDirection.mean(), withinPercentage(1e-6));
        assertThat(last.directionalAccuracy()).as("better than a coin on autocorrelated returns").isGreaterThan(0.5);
    }
}
