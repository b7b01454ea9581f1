package io.tickcast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    @Test
    void shouldGiveNoFeaturesForTheFirstPoint() {
        assertThat(new FeatureExtractor(FeatureSettings.defaults()).next(0, 100)).isNull();
    }

    @Test
    void shouldScaleEachReturnByTheStatisticsOfEarlierReturnsOnly() {
        FeatureExtractor features = new FeatureExtractor(FeatureSettings.defaults());
        FadingScaler reference = new FadingScaler(FeatureSettings.defaults().scalerFading());
        List<Point> points = SyntheticPrices.ar1Returns("X", 200, 0, 0.001, 31L);
        features.next(points.get(0).ts(), points.get(0).price());
        for (int i = 1; i < points.size(); i++) {
            double r = Math.log(points.get(i).price() / points.get(i - 1).price());
            double expected = reference.scale(r);
            reference.update(r);

            Features f = features.next(points.get(i).ts(), points.get(i).price());

            assertThat(f.logReturn()).isCloseTo(r, within(1e-15));
            assertThat(f.scaledReturn()).isCloseTo(expected, within(1e-12));
            assertThat(f.vector()).hasSize(FeatureExtractor.FEATURES);
            assertThat(f.returnMean()).isEqualTo(reference.mean());
        }
    }

    @Test
    void shouldClipScaledFeaturesToTheConfiguredBound() {
        FeatureExtractor features = new FeatureExtractor(FeatureSettings.defaults());
        List<Point> points = SyntheticPrices.ar1Returns("X", 300, 0, 0.001, 32L);
        points.forEach(p -> features.next(p.ts(), p.price()));
        Point last = points.get(points.size() - 1);

        Features jump = features.next(last.ts() + 60_000, last.price() * 1.5);

        assertThat(jump.scaledReturn()).isEqualTo(FeatureSettings.defaults().clip());
        for (float v : jump.vector()) {
            assertThat((double) Math.abs(v)).isLessThanOrEqualTo(FeatureSettings.defaults().clip());
        }
    }

    @Test
    void shouldUnscaleAForecastWithTheStatisticsIncludingTheCurrentReturn() {
        Features f = new Features(new float[5], 0.01, 1, 0.001, 0.002, 0.003);

        assertThat(f.unscale(2)).isCloseTo(0.005, within(1e-15));
    }
}
