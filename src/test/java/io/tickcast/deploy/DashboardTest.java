package io.tickcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTest {

    private static final Path DASHBOARD = ProjectFiles.resolve(ProjectFiles.DASHBOARDS_DIR).resolve("tickcast.json");
    private static final String DATASOURCE_UID = "prometheus";
    /** A panel query's source, as {@link MonitoringQueries} names it: {@code file panel 'title' refId}. */
    private static final Pattern PANEL_TITLE = Pattern.compile("^.* panel '(.*)' [^ ]*$");

    private final JsonNode dashboard = ProjectFiles.readJson(DASHBOARD);

    @Test
    void shouldOfferASymbolVariableFedByTheExportedPriceGauge() {
        JsonNode symbol = variable("symbol");
        assertThat(symbol.path("type").asText()).isEqualTo("query");
        assertThat(symbol.path("query").path("query").asText()).isEqualTo("label_values(tickcast_price, symbol)");
        assertThat(symbol.path("multi").asBoolean()).isTrue();
        assertThat(variable("datasource").path("query").asText()).isEqualTo("prometheus");
    }

    @Test
    void shouldShowEveryViewTheIssueAsksFor() {
        assertThat(panels()).extracting(p -> p.path("title").asText()).contains("Price vs prediction",
                "Error vs naive forecast", "Skill, direction and interval coverage", "Drift statistics",
                "Drift events", "Model update time", "Tick-to-prediction latency", "Throughput", "Consumer lag",
                "Dead-letter rate", "Instances up");
    }

    @Test
    void shouldQueryTheDatasourceVariableFromEveryPanel() {
        for (JsonNode panel : panels()) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as(panel.path("title").asText()).isNotBlank();
            }
        }
    }

    @Test
    void shouldFilterEveryPerSymbolSeriesByTheSymbolVariable() {
        Set<String> perSymbol = Set.of("tickcast_price", "tickcast_predicted_price", "tickcast_rmse", "tickcast_mae",
                "tickcast_naive_rmse", "tickcast_skill", "tickcast_directional_accuracy", "tickcast_interval_coverage",
                "tickcast_model_version", "tickcast_model_last_update_timestamp_seconds", "tickcast_points_total",
                "tickcast_predictions_total", "tickcast_drift_statistic", "tickcast_drift_events_total");
        Set<String> checkedPanels = new HashSet<>();
        for (MonitoringQueries.Query query : MonitoringQueries.dashboardQueries(DASHBOARD.getParent())) {
            boolean selectsPerSymbolSeries = PromQlMetricNames.extract(query.expr()).stream()
                    .anyMatch(perSymbol::contains);
            if (selectsPerSymbolSeries && !query.source().contains("variable")) {
                assertThat(query.expr()).as(query.source()).contains("symbol=~\"$symbol\"");
                checkedPanels.add(PANEL_TITLE.matcher(query.source()).replaceFirst("$1"));
            }
        }
        assertThat(checkedPanels).as("panels whose per-symbol queries were checked").contains(
                "Price vs prediction", "Error vs naive forecast", "Skill, direction and interval coverage",
                "Drift statistics", "Drift events");
    }

    @Test
    void shouldLayOutPanelsWithUniqueIdsWithoutOverlapping() {
        List<JsonNode> all = new ArrayList<>(panels());
        dashboard.path("panels").forEach(p -> {
            if ("row".equals(p.path("type").asText())) {
                all.add(p);
            }
        });
        Set<Integer> ids = new HashSet<>();
        Set<String> cells = new HashSet<>();
        for (JsonNode panel : all) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique id of " + panel.path("title")).isTrue();
            JsonNode pos = panel.path("gridPos");
            assertThat(pos.path("x").asInt() + pos.path("w").asInt()).isLessThanOrEqualTo(24);
            for (int x = pos.path("x").asInt(); x < pos.path("x").asInt() + pos.path("w").asInt(); x++) {
                for (int y = pos.path("y").asInt(); y < pos.path("y").asInt() + pos.path("h").asInt(); y++) {
                    assertThat(cells.add(x + "," + y)).as("overlap at " + x + "," + y + ": " + panel.path("title"))
                            .isTrue();
                }
            }
        }
    }

    @Test
    void shouldBeValidPromQlInEveryPanelAndVariable(@TempDir Path tmp) {
        ExternalTool promtool = Promtool.require();
        List<String> expressions = MonitoringQueries.dashboardQueries(DASHBOARD.getParent()).stream()
                .map(MonitoringQueries.Query::expr).filter(e -> !e.isBlank())
                .map(DashboardTest::withGrafanaVariablesReplaced).toList();
        Path rules = Promtool.recordingRulesFile(tmp, expressions);
        ExternalTool.Result result = promtool.run(tmp, "check", "rules", rules.toString());
        assertThat(result.succeeded()).as(result.output()).isTrue();
    }

    @Test
    void shouldProvisionTheDatasourceUidTheDashboardDefaultsTo() {
        JsonNode datasources = ProjectFiles.readYaml(
                ProjectFiles.resolve("config/grafana/provisioning/datasources/prometheus.yml")).path("datasources");
        assertThat(datasources).hasSize(1);
        assertThat(datasources.get(0).path("uid").asText()).isEqualTo(DATASOURCE_UID);
        assertThat(datasources.get(0).path("type").asText()).isEqualTo("prometheus");
    }

    private static String withGrafanaVariablesReplaced(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$symbol", "BTC-USD");
    }

    private JsonNode variable(String name) {
        for (JsonNode v : dashboard.path("templating").path("list")) {
            if (name.equals(v.path("name").asText())) {
                return v;
            }
        }
        throw new AssertionError("no dashboard variable " + name);
    }

    private List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        collect(dashboard.path("panels"), panels);
        return panels;
    }

    private static void collect(JsonNode nodes, List<JsonNode> out) {
        for (JsonNode panel : nodes) {
            if ("row".equals(panel.path("type").asText())) {
                collect(panel.path("panels"), out);
            } else {
                out.add(panel);
            }
        }
    }
}
