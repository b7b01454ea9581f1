package io.tickcast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A detector's events: STARTED, then ONGOING at most once per cooldown, RECOVERED a cooldown after the last
 * detection.
 */
class DriftLifecycleTest {
    private static final int COOLDOWN = 5;

    @Test
    void shouldStartOnTheFirstDetectionAndRepeatItAtMostOncePerCooldown() {
        DriftLifecycle lifecycle = new DriftLifecycle(COOLDOWN);

        assertThat(lifecycle.step(9, false)).isNull();
        assertThat(lifecycle.step(10, true)).isEqualTo(DriftPhase.STARTED);
        assertThat(lifecycle.active()).isTrue();
        assertThat(lifecycle.step(11, true)).isNull();
        assertThat(lifecycle.step(14, true)).isNull();
        assertThat(lifecycle.step(15, true)).isEqualTo(DriftPhase.ONGOING);
        assertThat(lifecycle.step(16, true)).isNull();
        assertThat(lifecycle.step(20, true)).isEqualTo(DriftPhase.ONGOING);
    }

    @Test
    void shouldRecoverACooldownAfterTheLastDetectionAndStartAgainOnTheNext() {
        DriftLifecycle lifecycle = new DriftLifecycle(COOLDOWN);
        lifecycle.step(10, true);
        lifecycle.step(12, true);

        assertThat(lifecycle.step(13, false)).isNull();
        assertThat(lifecycle.step(16, false)).as("4 points after the last detection").isNull();
        assertThat(lifecycle.step(17, false)).as("5 points after the last detection").isEqualTo(DriftPhase.RECOVERED);
        assertThat(lifecycle.active()).isFalse();
        assertThat(lifecycle.step(18, false)).isNull();
        assertThat(lifecycle.step(19, true)).isEqualTo(DriftPhase.STARTED);
    }

    @Test
    void shouldContinueIdenticallyAfterWritingAndReadingItsState() throws IOException {
        DriftLifecycle original = new DriftLifecycle(COOLDOWN);
        original.step(10, true);
        original.step(13, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.writeState(new DataOutputStream(bytes));
        DriftLifecycle copy = new DriftLifecycle(COOLDOWN);

        copy.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(copy.active()).isTrue();
        assertThat(copy.step(14, true)).isNull();
        assertThat(copy.step(15, true)).isEqualTo(DriftPhase.ONGOING);
        assertThat(copy.step(19, false)).isNull();
        assertThat(copy.step(20, false)).isEqualTo(DriftPhase.RECOVERED);
    }
}
