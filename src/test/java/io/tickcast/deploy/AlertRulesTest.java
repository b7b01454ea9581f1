package io.tickcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertRulesTest {

    private static final Path ROOT = ProjectFiles.root();
    private static final Path RULES = ROOT.resolve(ProjectFiles.RULES_DIR);
    private static final Path RULE_TESTS = ROOT.resolve(ProjectFiles.RULE_TESTS_DIR);
    private static final Set<String> REQUIRED = Set.of("TickcastModelStoppedUpdating", "TickcastSkillBelowZero",
            "TickcastDriftStorm", "TickcastConsumerLagGrowing", "TickcastDeadLetterRateHigh", "TickcastInstanceDown");

    @Test
    void shouldDefineEveryRequiredAlertWithSeverityForAndAnnotations() {
        List<JsonNode> alerts = alerts();
        assertThat(alerts).extracting(a -> a.path("alert").asText()).containsAll(REQUIRED);
        for (JsonNode alert : alerts) {
            String name = alert.path("alert").asText();
            assertThat(alert.path("for").asText()).as(name + " for").matches("\\d+[smh]");
            assertThat(alert.path("labels").path("severity").asText()).as(name + " severity").isIn("warning", "critical");
            assertThat(alert.path("annotations").path("summary").asText()).as(name + " summary").isNotBlank();
            assertThat(alert.path("annotations").path("description").asText()).as(name + " description").isNotBlank();
        }
    }

    @Test
    void shouldPassPromtoolCheckRules() {
        ExternalTool promtool = Promtool.require();
        List<Path> files = MonitoringQueries.rulesFiles(RULES);
        assertThat(files).as("rule files in " + RULES).isNotEmpty();
        for (Path file : files) {
            ExternalTool.Result result = promtool.run(ROOT, "check", "rules", file.toString());
            assertThat(result.succeeded()).as(result.output()).isTrue();
        }
    }

    @Test
    void shouldPassPromtoolCheckConfigWithTheRuleFilesItLoads() {
        ExternalTool.Result result = Promtool.require().run(ROOT, "check", "config", ProjectFiles.PROMETHEUS_CONFIG);
        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains(MonitoringQueries.rulesFiles(RULES).size() + " rule files found");
    }

    @Test
    void shouldFireEveryAlertInThePromtoolUnitTests() {
        ExternalTool promtool = Promtool.require();
        ExternalTool.Result result = promtool.run(RULE_TESTS, "test", "rules", "tickcast-alerts-test.yml");
        assertThat(result.succeeded()).as(result.output()).isTrue();

        Set<String> provenToFire = new TreeSet<>();
        for (JsonNode test : ProjectFiles.readYaml(RULE_TESTS.resolve("tickcast-alerts-test.yml")).path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                if (!check.path("exp_alerts").isEmpty()) {
                    provenToFire.add(check.path("alertname").asText());
                }
            }
        }
        assertThat(provenToFire).containsAll(alerts().stream().map(a -> a.path("alert").asText()).toList());
    }

    @Test
    void shouldFailPromtoolUnitTestsWhenAThresholdChanges(@TempDir Path tmp) {
        ExternalTool.Result result = runUnitTestsWithRules(tmp, "> 0.05", "> 0.5");

        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(result.output()).contains("TickcastDeadLetterRateHigh");
    }

    /**
     * The drift-storm cases catch a rule that counts events instead of detections per point (the no-drift stream
     * at 10 points/s has 51 detections in 15 minutes), counts only STARTED (a storm of detectors that never go
     * quiet is ONGOING) or needs no minimum count (one-minute bars with 3 detections in 15 minutes).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDriftStorms")
    void shouldFailPromtoolUnitTestsWhenTheDriftStormIsBroken(String name, String from, String to,
                                                              @TempDir Path tmp) {
        ExternalTool.Result result = runUnitTestsWithRules(tmp, from, to);

        assertThat(result.succeeded()).as(result.output()).isFalse();
        assertThat(result.output()).contains("TickcastDriftStorm");
    }

    static Stream<Arguments> brokenDriftStorms() {
        return Stream.of(
                Arguments.of("a count, not per point",
                        "\n          / sum by (job, instance, symbol) (increase(tickcast_points_total[15m]))\n"
                                + "          > 0.03\n", "\n"),
                Arguments.of("STARTED only", "phase=~\"STARTED|ONGOING\"", "phase=\"STARTED\""),
                Arguments.of("no minimum count", "[15m])) > 15\n", "[15m])) > 0\n"));
    }

    /** Runs the promtool unit tests against the rule file with {@code from} replaced by {@code to}. */
    private static ExternalTool.Result runUnitTestsWithRules(Path tmp, String from, String to) {
        ExternalTool promtool = Promtool.require();
        String rules = ProjectFiles.read(RULES.resolve("tickcast-alerts.yml"));
        String broken = rules.replace(from, to);
        assertThat(broken).as("rule file changed by replacing " + from).isNotEqualTo(rules);
        Path rulesDir = tmp.resolve("rules");
        Path testsDir = tmp.resolve("tests");
        Promtool.write(createDirectories(rulesDir), "tickcast-alerts.yml", broken);
        Promtool.write(createDirectories(testsDir), "tickcast-alerts-test.yml",
                ProjectFiles.read(RULE_TESTS.resolve("tickcast-alerts-test.yml")));
        return promtool.run(testsDir, "test", "rules", "tickcast-alerts-test.yml");
    }

    @Test
    void shouldKeepThePrometheusRuleForTheOperatorIdenticalToTheRuleFile() {
        JsonNode operatorRule = ProjectFiles.readYaml(ROOT.resolve(ProjectFiles.K8S_BASE).resolve("prometheusrule.yaml"));
        JsonNode ruleFile = ProjectFiles.readYaml(RULES.resolve("tickcast-alerts.yml"));
        assertThat(operatorRule.path("spec").path("groups"))
                .as("k8s/base/prometheusrule.yaml spec.groups must equal config/prometheus/rules/tickcast-alerts.yml groups")
                .isEqualTo(ruleFile.path("groups"));
    }

    private static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        for (Path file : MonitoringQueries.rulesFiles(RULES)) {
            for (JsonNode group : ProjectFiles.readYaml(file).path("groups")) {
                group.path("rules").forEach(r -> {
                    if (r.has("alert")) {
                        alerts.add(r);
                    }
                });
            }
        }
        return alerts;
    }

    private static Path createDirectories(Path dir) {
        try {
            return java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
