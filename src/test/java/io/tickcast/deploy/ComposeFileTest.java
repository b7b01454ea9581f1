package io.tickcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

    private static final Path ROOT = ProjectFiles.root();
    private static final JsonNode COMPOSE = ProjectFiles.readYaml(ROOT.resolve(ProjectFiles.COMPOSE_FILE));
    private static final Set<String> SERVICES = Set.of("kafka", "kafka-init", "tickcast", "replay", "prometheus",
            "grafana");

    @Test
    void shouldValidateWithDockerComposeConfig() {
        var compose = ExternalTool.find("docker-compose");
        assumeTrue(compose.isPresent(), "docker-compose not on PATH: install Debian's `docker-compose` (.ci/run does)");
        ExternalTool.Result check = compose.orElseThrow().run(ROOT, "-f", ProjectFiles.COMPOSE_FILE, "config", "-q");
        assertThat(check.succeeded()).as(check.output()).isTrue();
        ExternalTool.Result services = compose.orElseThrow().run(ROOT, "-f", ProjectFiles.COMPOSE_FILE, "config",
                "--services");
        assertThat(services.output().lines().map(String::strip).filter(l -> !l.isEmpty()))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void shouldMountOnlyFilesAndDirectoriesThatExist() {
        Map<String, String> binds = bindMounts();
        assertThat(binds).isNotEmpty();
        binds.forEach((source, where) -> assertThat(ROOT.resolve(source).normalize())
                .as(where + " mounts " + source).exists());
    }

    @Test
    void shouldDeclareEveryNamedVolumeItUses() {
        Set<String> declared = new TreeSet<>();
        COMPOSE.path("volumes").fieldNames().forEachRemaining(declared::add);
        services().forEach((name, service) -> service.path("volumes").forEach(v -> {
            String source = v.isTextual() ? v.asText().split(":")[0] : v.path("source").asText();
            if (!isPath(source)) {
                assertThat(declared).as(name + " volume " + source).contains(source);
            }
        }));
    }

    @Test
    void shouldBuildFromTheDockerfileAndPinEveryOtherImage() {
        services().forEach((name, service) -> {
            if (service.has("build")) {
                Path context = ROOT.resolve(service.path("build").path("context").asText(".")).normalize();
                assertThat(context.resolve(service.path("build").path("dockerfile").asText("Dockerfile")))
                        .as(name).isRegularFile();
            } else {
                String image = service.path("image").asText();
                assertThat(image).as(name + " image pinned to a version").matches("[^:]+:[0-9v][^:]*")
                        .doesNotEndWith(":latest");
            }
        });
    }

    @Test
    void shouldStartTickcastOnlyAfterTheTopicsExistAndReplayOnlyWhenTickcastIsHealthy() {
        assertThat(services().get("kafka-init").path("depends_on").path("kafka").path("condition").asText())
                .isEqualTo("service_healthy");
        assertThat(services().get("tickcast").path("depends_on").path("kafka-init").path("condition").asText())
                .isEqualTo("service_completed_successfully");
        assertThat(services().get("replay").path("depends_on").path("tickcast").path("condition").asText())
                .isEqualTo("service_healthy");
        String topics = services().get("kafka-init").path("command").toString();
        assertThat(topics).contains("ticks:", "predictions:", "drift-metrics:", "drift-events:", "ticks.dlq:");
    }

    @Test
    void shouldMountTheConfigFileTickcastIsStartedWith() {
        JsonNode tickcast = services().get("tickcast");
        String configArg = tickcast.path("command").get(2).asText();
        assertThat(tickcast.path("command").get(1).asText()).isEqualTo("--config");
        assertThat(bindMounts()).containsEntry("./" + ProjectFiles.PROPERTIES, "tickcast -> " + configArg);
    }

    @Test
    void shouldScrapeTheTickcastServiceOnItsHttpPort() {
        JsonNode scrape = ProjectFiles.readYaml(ROOT.resolve(ProjectFiles.PROMETHEUS_CONFIG)).path("scrape_configs");
        List<String> targets = new ArrayList<>();
        scrape.forEach(job -> {
            if ("tickcast".equals(job.path("job_name").asText())) {
                job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
            }
        });
        assertThat(targets).containsExactly("tickcast:9464");
        assertThat(services().get("tickcast").path("environment").path("TICKCAST_HTTP_PORT").asText())
                .isEqualTo("9464");
        assertThat(bindMounts()).containsEntry("./config/prometheus", "prometheus -> /etc/prometheus");
    }

    @Test
    void shouldProvisionGrafanaFromMountedDirectoriesThatHoldTheDashboard() {
        Map<String, String> binds = bindMounts();
        JsonNode provider = ProjectFiles.readYaml(ROOT.resolve("config/grafana/provisioning/dashboards/tickcast.yml"))
                .path("providers").get(0);
        String dashboardsPath = provider.path("options").path("path").asText();
        assertThat(binds).containsEntry("./" + ProjectFiles.DASHBOARDS_DIR, "grafana -> " + dashboardsPath);
        assertThat(binds).containsEntry("./config/grafana/provisioning/datasources",
                "grafana -> /etc/grafana/provisioning/datasources");
        assertThat(binds).containsEntry("./config/grafana/provisioning/dashboards",
                "grafana -> /etc/grafana/provisioning/dashboards");
        assertThat(ROOT.resolve(ProjectFiles.DASHBOARDS_DIR).resolve("tickcast.json")).isRegularFile();
        String home = services().get("grafana").path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")
                .asText();
        assertThat(home).isEqualTo(dashboardsPath + "/tickcast.json");

        JsonNode datasource = ProjectFiles.readYaml(ROOT.resolve("config/grafana/provisioning/datasources/prometheus.yml"))
                .path("datasources").get(0);
        assertThat(URI.create(datasource.path("url").asText()).getHost()).isIn(SERVICES);
    }

    /** @return bind-mount sources (relative to the project) mapped to "service -> target" */
    private static Map<String, String> bindMounts() {
        Map<String, String> binds = new TreeMap<>();
        services().forEach((name, service) -> service.path("volumes").forEach(v -> {
            String source;
            String target;
            if (v.isTextual()) {
                String[] parts = v.asText().split(":");
                source = parts[0];
                target = parts.length > 1 ? parts[1] : "";
            } else {
                source = v.path("source").asText();
                target = v.path("target").asText();
            }
            if (isPath(source)) {
                binds.put(source, name + " -> " + target);
            }
        }));
        return binds;
    }

    private static boolean isPath(String source) {
        return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
    }

    private static Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new TreeMap<>();
        COMPOSE.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
        return services;
    }

}
