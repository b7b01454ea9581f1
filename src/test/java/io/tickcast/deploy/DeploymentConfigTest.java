package io.tickcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.tickcast.cli.TickcastCommand;
import io.tickcast.config.TickcastConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The configuration each deployment hands tickcast (file plus TICKCAST_* environment) is one tickcast accepts. */
class DeploymentConfigTest {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Map<String, String> FIELD_REFS = Map.of("metadata.name", "tickcast-0",
            "metadata.namespace", "tickcast");

    @Test
    void shouldAcceptTheComposeStackConfiguration() {
        JsonNode environment = ProjectFiles.readYaml(ProjectFiles.resolve(ProjectFiles.COMPOSE_FILE))
                .path("services").path("tickcast").path("environment");
        Map<String, String> env = new LinkedHashMap<>();
        environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));

        TickcastConfig config = TickcastConfig.load(properties(ProjectFiles.read(ProjectFiles.resolve(ProjectFiles.PROPERTIES))),
                env, Map.of());

        assertThat(config.getString(TickcastConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("kafka:9092");
        assertThat(config.getInt(TickcastConfig.HTTP_PORT_CONFIG)).isEqualTo(9464);
    }

    @ParameterizedTest
    @ValueSource(strings = {ProjectFiles.K8S_BASE, ProjectFiles.K8S_STRIMZI})
    void shouldAcceptTheKubernetesConfiguration(String dir) {
        List<HasMetadata> objects = KustomizeRender.render(dir);
        ConfigMap configMap = objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .findFirst().orElseThrow();
        StatefulSet set = objects.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
                .findFirst().orElseThrow();

        TickcastConfig config = TickcastConfig.load(properties(configMap.getData().get("tickcast.properties")),
                containerEnvironment(set.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()), Map.of());

        Map<String, Object> kafka = config.kafkaProperties();
        assertThat(config.advertisedHost()).isEqualTo("tickcast-0.tickcast.tickcast.svc");
        assertThat(kafka).containsEntry("num.standby.replicas", "1");
        assertThat(config.getString(TickcastConfig.STATE_DIR_CONFIG)).startsWith("/var/lib/tickcast/");
        assertThat(config.getInt(TickcastConfig.HTTP_PORT_CONFIG)).isEqualTo(9464);
    }

    @Test
    void shouldStartEveryContainerWithArgumentsTheCliAccepts() {
        JsonNode services = ProjectFiles.readYaml(ProjectFiles.resolve(ProjectFiles.COMPOSE_FILE)).path("services");
        List<List<String>> commands = new ArrayList<>();
        for (String service : List.of("tickcast", "replay")) {
            List<String> args = new ArrayList<>();
            services.path(service).path("command").forEach(a -> args.add(a.asText()));
            commands.add(args);
        }
        StatefulSet set = (StatefulSet) StrictKubernetesModel.parseAll(ProjectFiles.read(
                ProjectFiles.resolve(ProjectFiles.K8S_BASE).resolve("statefulset.yaml"))).get(0);
        commands.add(set.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs());

        for (List<String> args : commands) {
            ParseResult parsed = TickcastCommand.commandLine().parseArgs(args.toArray(String[]::new));
            assertThat(parsed.hasSubcommand()).as(String.join(" ", args)).isTrue();
        }
        assertThatThrownBy(() -> TickcastCommand.commandLine().parseArgs("replay", "--bundled"))
                .isInstanceOf(ParameterException.class);
    }

    @Test
    void shouldRejectTheServiceLinkVariablesKubernetesInjectsUnlessDisabled() {
        // why the StatefulSet sets enableServiceLinks: false
        assertThatThrownBy(() -> TickcastConfig.load(new Properties(), Map.of("TICKCAST_SERVICE_HOST", "10.0.0.1"),
                Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("service.host");
    }

    /** The container's environment as the kubelet builds it: field references resolved, $(VAR) expanded. */
    private static Map<String, String> containerEnvironment(List<EnvVar> vars) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : vars) {
            String value = var.getValue() != null ? var.getValue()
                    : FIELD_REFS.get(var.getValueFrom().getFieldRef().getFieldPath());
            Matcher ref = ENV_REFERENCE.matcher(value);
            StringBuilder expanded = new StringBuilder();
            while (ref.find()) {
                ref.appendReplacement(expanded, Matcher.quoteReplacement(env.getOrDefault(ref.group(1), ref.group())));
            }
            ref.appendTail(expanded);
            env.put(var.getName(), expanded.toString());
        }
        return env;
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
