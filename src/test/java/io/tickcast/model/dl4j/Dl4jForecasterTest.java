package io.tickcast.model.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickcast.model.AdamResetCheck;
import io.tickcast.model.ForecasterSpec;
import org.junit.jupiter.api.Test;

class Dl4jForecasterTest {

    private static final ForecasterSpec SMALL = new ForecasterSpec("dl4j", 3, 8, 1, 8, 4, 1e-3, 7L);

    @Test
    void shouldForgetTheAdamMomentsOnResetAndTakeAFirstStepOfTheLearningRate() {
        try (Dl4jForecaster f = Dl4jForecaster.create(SMALL)) {
            AdamResetCheck.assertResetForgetsTheMoments(f, SMALL.inputSize(),
                    () -> f.network().params().toFloatVector(), SMALL.learningRate());
            assertThat(f.updates()).isEqualTo(21);
        }
    }
}
