package io.tickcast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class TickcastConfigTest {

    @Test
    void shouldUseDocumentedDefaults() {
        TickcastConfig config = TickcastConfig.of(Map.of());

        assertThat(config.getString(TickcastConfig.TOPIC_TICKS_CONFIG)).isEqualTo("ticks");
        assertThat(config.getString(TickcastConfig.TOPIC_DLQ_CONFIG)).isEqualTo("ticks.dlq");
        assertThat(config.getInt(TickcastConfig.HTTP_PORT_CONFIG)).isEqualTo(9464);
        assertThat(config.getString(TickcastConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
        assertThat(config.barInterval()).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldLetEnvironmentOverrideFileAndFlagsOverrideEnvironment() {
        Properties file = new Properties();
        file.setProperty("http.port", "1000");
        file.setProperty("topic.ticks", "from-file");
        Map<String, String> env = Map.of("TICKCAST_HTTP_PORT", "2000", "TICKCAST_TOPIC_TICKS", "from-env",
                "PATH", "/usr/bin");

        TickcastConfig config = TickcastConfig.load(file, env, Map.of("topic.ticks", "from-flag"));

        assertThat(config.getInt(TickcastConfig.HTTP_PORT_CONFIG)).isEqualTo(2000);
        assertThat(config.getString(TickcastConfig.TOPIC_TICKS_CONFIG)).isEqualTo("from-flag");
    }

    @Test
    void shouldLeaveTheLaunchersJvmFlagsToTheLauncher() {
        TickcastConfig config = TickcastConfig.load(new Properties(), Map.of("TICKCAST_JAVA_OPTS", "-Xms4g -Xmx4g",
                "TICKCAST_HTTP_PORT", "2000"), Map.of());

        assertThat(config.getInt(TickcastConfig.HTTP_PORT_CONFIG)).isEqualTo(2000);
        assertThat(config.originals()).doesNotContainKey("java.opts");
    }

    @Test
    void shouldNameTheVariableOfAnUnknownKeyFromTheEnvironment() {
        assertThatThrownBy(() -> TickcastConfig.load(new Properties(), Map.of("TICKCAST_HTTP_PROT", "2000"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TICKCAST_HTTP_PROT")
                .hasMessageContaining("'http.prot'");
    }

    @Test
    void shouldRefuseASymbolsPatternThatIsNoRegularExpressionNamingTheKey() {
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("symbols.allowed", "BTC-(USD")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value BTC-(USD for configuration symbols.allowed: not a regular expression");
        assertThat(TickcastConfig.of(Map.of()).symbolsAllowed()).as("any symbol by default").isNull();
        assertThat(TickcastConfig.of(Map.of("symbols.allowed", "[A-Z]{3}-USD")).symbolsAllowed().pattern())
                .isEqualTo("[A-Z]{3}-USD");
    }

    @Test
    void shouldPassKafkaPrefixedKeysToTheClients() {
        TickcastConfig config = TickcastConfig.of(Map.of("kafka.security.protocol", "SASL_SSL",
                "kafka.bootstrap.servers", "broker:9093"));

        assertThat(config.kafkaProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "broker:9093");
    }

    @Test
    void shouldNameTheKeyOfABadValue() {
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("http.port", "eighty")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.port");
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("bar.interval", "a minute")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bar.interval");
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("processing.guarantee", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("processing.guarantee");
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("model.window", "8", "model.bptt", "16")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("model.bptt");
    }

    @Test
    void shouldRejectAnUnknownKeyByName() {
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("topic.tick", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topic.tick");
    }

    @Test
    void shouldMapPipelineKeysOntoThePipelineSettings() {
        TickcastConfig config = TickcastConfig.of(Map.of("quality.interval.level", "0.8", "drift.response",
                "reset_state", "model.hidden", "8", "blend.enabled", "false"));

        assertThat(config.pipelineSettings().quality().intervalLevel()).isEqualTo(0.8);
        assertThat(config.pipelineSettings().response().kind().name()).isEqualTo("RESET_STATE");
        assertThat(config.pipelineSettings().forecaster().hiddenSize()).isEqualTo(8);
        assertThat(config.pipelineSettings().blend().enabled()).isFalse();
        assertThat(TickcastConfig.of(Map.of()).pipelineSettings())
                .isEqualTo(io.tickcast.pipeline.PipelineSettings.defaults());
    }

    @Test
    void shouldNameThePipelineKeyOfAnOutOfRangeValue() {
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("quality.interval.level", "1.5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("quality.interval.level");
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("drift.response", "panic")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("drift.response");
    }

    @Test
    void shouldParseBarIntervals() {
        assertThat(TickcastConfig.of(Map.of("bar.interval", "1m")).barInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldReadTheIdleRetentionAndRefuseNegativeDurationsNamingTheKey() {
        assertThat(TickcastConfig.of(Map.of()).symbolsIdleRetention()).as("forever by default").isZero();
        assertThat(TickcastConfig.of(Map.of("symbols.idle.retention", "30d")).symbolsIdleRetention())
                .isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("symbols.idle.retention", "PT-1H")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value PT-1H for configuration symbols.idle.retention: 'PT-1H' is negative; a"
                        + " duration here must not be");
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("tick.max.lateness", "PT-5S")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tick.max.lateness: 'PT-5S' is negative");
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("bar.interval", "1h", "symbols.idle.retention", "1h")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 1h for configuration symbols.idle.retention: must be longer than"
                        + " bar.interval (1h) and tick.max.lateness (5s)");
        assertThatThrownBy(() -> TickcastConfig.of(Map.of("tick.max.lateness", "10m", "symbols.idle.retention", "5m")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 5m for configuration symbols.idle.retention: must be longer than"
                        + " bar.interval (none) and tick.max.lateness (10m)");
        assertThat(TickcastConfig.of(Map.of("bar.interval", "1m", "symbols.idle.retention", "1h"))
                .symbolsIdleRetention()).isEqualTo(Duration.ofHours(1));
    }
}
