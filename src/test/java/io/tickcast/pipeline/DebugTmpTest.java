package io.tickcast.pipeline;

import io.tickcast.model.ForecasterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugTmpTest {
    @Test
    void debug() {
        ForecasterSpec spec = new ForecasterSpec("test", 5, 0, 0, 1, 1, 0.05, 3L);
        PipelineSettings s = PipelineSettings.defaults().withForecaster(spec);
        List<Point> points = SyntheticPrices.ar1Returns("X", 5000, -0.3, 0.001, 22L);
        double se = 0, nse = 0, ase = 0, wsum = 0, mse = 0; int n = 0;
        try (SymbolPipeline p = SymbolPipeline.create("X", s, LinearTestForecaster.factory())) {
            Prediction prev = null;
            for (Point pt : points) {
                PointOutcome o = p.process(pt);
                if (o.quality() != null) {
                    QualityReport q = o.quality();
                    se += q.absError() * q.absError(); nse += q.naiveAbsError() * q.naiveAbsError();
                    ase += q.ar1AbsError() * q.ar1AbsError(); n++;
                    double me = pt.price() - prev.modelPredictedPrice(); mse += me * me;
                }
                wsum += o.prediction().blendWeight();
                prev = o.prediction();
            }
        }
        System.err.printf("model %.3f naive %.3f ar1 %.3f raw %.3f w %.3f%n", Math.sqrt(se / n), Math.sqrt(nse / n),
                Math.sqrt(ase / n), Math.sqrt(mse / n), wsum / points.size());
    }
}
