package io.tickcast.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DetectorsTest {

    private static double[] shift(int n, int change, double before, double after, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i < change ? before : after) + random.nextGaussian();
        }
        return x;
    }

    private static List<Integer> detections(DriftDetector detector, double[] stream) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            if (detector.update(stream[i])) {
                at.add(i);
            }
        }
        return at;
    }

    private static List<Supplier<DriftDetector>> detectors() {
        return List.of(() -> new PageHinkley(0.005, 50, 0.9999, 30), () -> new Adwin(0.002),
                () -> new Kswin(0.005, 100, 30, 1L));
    }

    @Test
    void shouldDetectAnUpwardMeanShiftSoonAfterItHappens() {
        for (Supplier<DriftDetector> make : detectors()) {
            DriftDetector detector = make.get();
            List<Integer> at = detections(detector, shift(3000, 2000, 0, 1.5, 3L));

            assertThat(at).as(detector.name()).anyMatch(i -> i >= 2000 && i < 2200);
        }
    }

    @Test
    void shouldDetectADownwardMeanShiftWithTheTwoSidedPageHinkleyTest() {
        List<Integer> at = detections(new PageHinkley(0.005, 50, 0.9999, 30), shift(3000, 2000, 0, -1.5, 4L));

        assertThat(at).anyMatch(i -> i >= 2000 && i < 2200);
    }

    @Test
    void shouldReportAStatisticAboveItsThresholdAtADetection() {
        for (Supplier<DriftDetector> make : detectors()) {
            DriftDetector detector = make.get();
            double[] stream = shift(3000, 2000, 0, 2, 5L);
            boolean detected = false;
            for (int i = 0; i < stream.length && !detected; i++) {
                detected = detector.update(stream[i]);
            }
            assertThat(detected).as(detector.name() + " detects the shift").isTrue();
            assertThat(detector.statistic()).as(detector.name()).isGreaterThan(detector.threshold());
        }
    }

    @Test
    void shouldSignalPageHinkleyOnlyOnceTheStatisticExceedsLambda() {
        // delta 0 and no fading: after four zeros a 10 makes the mean 2 and both cumulative sums 8, so the
        // statistic is exactly 8: above a lambda of 7.99, not above a lambda of 8
        PageHinkley atLambda = new PageHinkley(0, 8, 1, 1);
        PageHinkley belowLambda = new PageHinkley(0, 7.99, 1, 1);
        for (int i = 0; i < 4; i++) {
            assertThat(atLambda.update(0)).isFalse();
            assertThat(belowLambda.update(0)).isFalse();
        }

        assertThat(atLambda.update(10)).as("statistic 8, lambda 8").isFalse();
        assertThat(belowLambda.update(10)).as("statistic 8, lambda 7.99").isTrue();
        assertThat(atLambda.statistic()).isEqualTo(8.0);
        assertThat(atLambda.threshold()).isEqualTo(8.0);
    }

    @Test
    void shouldDeclareAChangeNoEarlierThanTheMinimumNumberOfPoints() {
        PageHinkley ph = new PageHinkley(0.005, 1, 1, 30);
        for (int i = 0; i < 29; i++) {
            assertThat(ph.update(i % 2 == 0 ? 100 : -100)).as("point %d", i + 1).isFalse();
        }
        assertThat(ph.statistic()).as("far above lambda already").isGreaterThan(100);

        assertThat(ph.update(100)).as("point 30").isTrue();
    }

    @Test
    void shouldKeepTheWholeStationaryStreamInTheAdwinWindow() {
        Adwin adwin = new Adwin(0.002);
        double[] stream = shift(20_000, 20_000, 0, 0, 6L);

        assertThat(detections(adwin, stream)).isEmpty();
        assertThat(adwin.width()).isEqualTo(20_000);
    }

    @Test
    void shouldShrinkTheAdwinWindowToTheNewConceptAfterAShift() {
        Adwin adwin = new Adwin(0.002);
        detections(adwin, shift(6000, 4000, 0, 1, 7L));

        assertThat(adwin.width()).isLessThan(2100);
    }

    @Test
    void shouldComputeTheTwoSampleKolmogorovSmirnovStatistic() {
        assertThat(Kswin.ksStatistic(new double[] {1, 2, 3}, new double[] {1, 2, 3})).isZero();
        assertThat(Kswin.ksStatistic(new double[] {1, 2, 3}, new double[] {4, 5, 6})).isEqualTo(1.0);
        assertThat(Kswin.ksStatistic(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6})).isEqualTo(0.5);
    }

    @Test
    void shouldDropTheKswinStatisticBelowItsThresholdWhileTheWindowRefillsAfterADetection() {
        Kswin kswin = new Kswin(0.005, 100, 30, 1L);
        double[] stream = shift(3000, 2000, 0, 2, 5L);
        int at = 0;
        while (!kswin.update(stream[at])) {
            at++;
        }
        assertThat(kswin.statistic()).as("at the detection").isGreaterThan(kswin.threshold());

        // Ψ keeps the 30 newest values and refills to 100 without a test: 69 values, then the first test
        for (int i = 1; i <= 69; i++) {
            assertThat(kswin.update(stream[at + i])).isFalse();
            assertThat(kswin.statistic()).as("%d values after the detection", i).isZero();
        }
    }

    @Test
    void shouldRejectParametersOutsideTheirRange() {
        assertThatThrownBy(() -> new PageHinkley(0.005, 0, 0.9999, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Adwin(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Kswin(0.005, 50, 30, 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldContinueIdenticallyAfterWritingAndReadingItsState() throws IOException {
        double[] stream = shift(8000, 4000, 0, 1, 8L);
        for (Supplier<DriftDetector> make : detectors()) {
            DriftDetector original = make.get();
            DriftDetector uninterrupted = make.get();
            List<Integer> expected = detections(uninterrupted, stream);
            for (int i = 0; i < 3000; i++) {
                original.update(stream[i]);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.writeState(new DataOutputStream(bytes));
            DriftDetector copy = make.get();
            copy.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(copy.statistic()).as(original.name() + " statistic on restore").isEqualTo(original.statistic());
            List<Integer> resumed = new ArrayList<>(expected.stream().filter(i -> i < 3000).toList());
            for (int i = 3000; i < stream.length; i++) {
                if (copy.update(stream[i])) {
                    resumed.add(i);
                }
            }

            assertThat(resumed).as(original.name()).isEqualTo(expected);
            assertThat(copy.statistic()).as(original.name() + " final statistic").isEqualTo(uninterrupted.statistic());
        }
    }
}
