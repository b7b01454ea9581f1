package io.tickcast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which drift events set off the configured response ({@code drift.response.trigger} and {@code .detector}). */
class ResponseSettingsTest {

    private static ResponseSettings respondingTo(DriftTrigger trigger, String detector) {
        return new ResponseSettings(DriftResponse.RESET_STATE, trigger, detector, 3.0, 100, 200, 300);
    }

    @Test
    void shouldRespondToEveryDetectorAndSignalWhenAskedForAny() {
        ResponseSettings any = respondingTo(DriftTrigger.ANY, "any");

        for (DriftSignal signal : DriftSignal.values()) {
            for (String detector : new String[] {"page_hinkley", "adwin", "kswin"}) {
                assertThat(any.triggeredBy(detector, signal)).as(detector + " on " + signal).isTrue();
            }
        }
    }

    @Test
    void shouldRespondOnlyToTheConfiguredSignal() {
        assertThat(respondingTo(DriftTrigger.RESIDUAL, "any").triggeredBy("adwin", DriftSignal.RESIDUAL)).isTrue();
        assertThat(respondingTo(DriftTrigger.RESIDUAL, "any").triggeredBy("adwin", DriftSignal.INPUT)).isFalse();
        assertThat(respondingTo(DriftTrigger.INPUT, "any").triggeredBy("adwin", DriftSignal.INPUT)).isTrue();
        assertThat(respondingTo(DriftTrigger.INPUT, "any").triggeredBy("adwin", DriftSignal.RESIDUAL)).isFalse();
    }

    @Test
    void shouldRespondOnlyToTheConfiguredDetector() {
        ResponseSettings adwinOnResiduals = respondingTo(DriftTrigger.RESIDUAL, "adwin");

        assertThat(adwinOnResiduals.triggeredBy("adwin", DriftSignal.RESIDUAL)).isTrue();
        assertThat(adwinOnResiduals.triggeredBy("kswin", DriftSignal.RESIDUAL)).isFalse();
        assertThat(adwinOnResiduals.triggeredBy("page_hinkley", DriftSignal.RESIDUAL)).isFalse();
        assertThat(adwinOnResiduals.triggeredBy("adwin", DriftSignal.INPUT)).isFalse();
    }
}
