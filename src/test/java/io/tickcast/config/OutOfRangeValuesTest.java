package io.tickcast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every numeric key with a range: a value outside it fails at start with a {@link ConfigException} that names that
 * very key (not a longer or shorter one, and not as an unknown key).
 */
class OutOfRangeValuesTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "features.scaler.fading, 1.0", "features.volatility.alpha, 0", "features.ewma.short.alpha, 1.5",
        "features.ewma.long.alpha, 0", "features.clip, 0",
        "quality.fading.factor, 0", "quality.window, 0", "quality.interval.level, 1.0", "quality.interval.window, 0",
        "quality.interval.min.scores, 0", "quality.interval.adaptation, -0.1", "quality.baseline.ewma.alpha, 0",
        "quality.baseline.ar1.forgetting, 1.5", "quality.report.every, 0",
        "blend.fading.factor, 0", "blend.min.points, -1", "blend.confidence, -1",
        "drift.ph.delta, -1", "drift.ph.lambda, 0", "drift.ph.alpha, 0", "drift.ph.min.points, 0",
        "drift.adwin.delta, 1.0", "drift.kswin.alpha, 0", "drift.kswin.stat.size, 1", "drift.kswin.window, 10",
        "drift.cooldown.points, 0",
        "drift.response.boost.factor, 0", "drift.response.boost.points, 0", "drift.response.rollback.interval, 0",
        "drift.response.challenger.window, 0",
        "model.hidden, 0", "model.layers, 9", "model.window, 0", "model.bptt, 0", "model.learning.rate, 0",
        "model.update.every, 0", "model.checkpoint.every, 0", "models.max.live, 0"})
    void shouldRejectAnOutOfRangeValueNamingItsKey(String key, String value) {
        assertThat(TickcastConfig.of(Map.of()).values()).as("a defined key").containsKey(key);

        assertThatThrownBy(() -> TickcastConfig.of(Map.of(key, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("unknown configuration key")
                .hasMessageFindingMatch("(?<![\\w.])" + Pattern.quote(key) + "(?!\\w|\\.\\w)");
    }
}
