package io.tickcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsTest {

    private static final Path ROOT = ProjectFiles.root();
    private static final String NAMESPACE = "tickcast";
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    /** kubectl output per kustomization directory, rendered once for all tests of this instance. */
    private final Map<String, List<HasMetadata>> renders = new HashMap<>();

    @ParameterizedTest
    @ValueSource(strings = {ProjectFiles.K8S_BASE, ProjectFiles.K8S_STRIMZI})
    void shouldListOnlyExistingFilesThatParseStrictly(String dir) {
        assertThat(checkFilesParse(Kustomization.read(ROOT.resolve(dir)))).as("files parsed under " + dir).isPositive();
    }

    @Test
    void shouldRejectAKustomizationThatListsAMissingFile(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");
        assertThatThrownBy(() -> Kustomization.read(tmp)).hasMessageContaining("missing.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {ProjectFiles.K8S_BASE, ProjectFiles.K8S_STRIMZI})
    void shouldRenderWithKubectlKustomizeIntoStrictlyValidObjects(String dir) {
        List<HasMetadata> objects = render(dir);
        assertThat(objects).extracting(HasMetadata::getKind).contains("Namespace", "ConfigMap", "Service",
                "StatefulSet", "PodDisruptionBudget", "ServiceMonitor", "PrometheusRule");
        assertThat(objects).filteredOn(o -> !(o instanceof Namespace) && !(o instanceof KafkaTopic))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as(o.getFullResourceName())
                        .isEqualTo(NAMESPACE));
    }

    @ParameterizedTest
    @ValueSource(strings = {ProjectFiles.K8S_BASE, ProjectFiles.K8S_STRIMZI})
    void shouldWireProbesPortsConfigAndSelectorsConsistently(String dir) {
        List<HasMetadata> objects = render(dir);
        StatefulSet set = one(objects, StatefulSet.class);
        PodSpec pod = set.getSpec().getTemplate().getSpec();
        Map<String, String> podLabels = set.getSpec().getTemplate().getMetadata().getLabels();
        Container container = pod.getContainers().get(0);
        Set<String> ports = container.getPorts().stream().map(p -> p.getName()).collect(Collectors.toSet());

        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
        assertThat(ports).contains(container.getReadinessProbe().getHttpGet().getPort().getStrVal(),
                container.getLivenessProbe().getHttpGet().getPort().getStrVal());
        assertThat(podLabels).containsAllEntriesOf(set.getSpec().getSelector().getMatchLabels());

        Service headless = objects.stream().filter(Service.class::isInstance).map(Service.class::cast)
                .filter(s -> s.getMetadata().getName().equals(set.getSpec().getServiceName())).findFirst().orElseThrow();
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        objects.stream().filter(Service.class::isInstance).map(Service.class::cast).forEach(s -> {
            assertThat(podLabels).containsAllEntriesOf(s.getSpec().getSelector());
            s.getSpec().getPorts().forEach(p -> assertThat(ports).contains(p.getTargetPort().getStrVal()));
        });
        assertThat(podLabels)
                .containsAllEntriesOf(one(objects, PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());

        ServiceMonitor monitor = one(objects, ServiceMonitor.class);
        List<Service> scraped = objects.stream().filter(Service.class::isInstance).map(Service.class::cast)
                .filter(s -> s.getMetadata().getLabels().entrySet()
                        .containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet())).toList();
        assertThat(scraped).as("exactly one Service scraped, or every pod is scraped twice").hasSize(1);
        Set<String> servicePorts = scraped.get(0).getSpec().getPorts().stream().map(p -> p.getName())
                .collect(Collectors.toSet());
        monitor.getSpec().getEndpoints().forEach(e -> {
            assertThat(servicePorts).contains(e.getPort());
            assertThat(e.getPath()).isEqualTo("/metrics");
        });

        String configMapName = pod.getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst()
                .orElseThrow().getConfigMap().getName();
        assertThat(objects).filteredOn(ConfigMap.class::isInstance)
                .extracting(o -> o.getMetadata().getName()).contains(configMapName);
        assertThat(one(objects, PrometheusRule.class).getSpec().getGroups()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {ProjectFiles.K8S_BASE, ProjectFiles.K8S_STRIMZI})
    void shouldRunAsNonRootWithServiceLinksOffAndEnvReferencesDefinedBeforeUse(String dir) {
        StatefulSet set = one(render(dir), StatefulSet.class);
        PodSpec pod = set.getSpec().getTemplate().getSpec();
        // Service links would inject TICKCAST_SERVICE_HOST etc., which tickcast rejects as unknown config keys.
        assertThat(pod.getEnableServiceLinks()).isFalse();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getAffinity().getPodAntiAffinity()).isNotNull();
        Container container = pod.getContainers().get(0);
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");

        Set<String> defined = new HashSet<>();
        for (EnvVar env : container.getEnv()) {
            assertThat(defined.add(env.getName())).as("env " + env.getName() + " set twice").isTrue();
            if (env.getValue() != null) {
                Matcher ref = ENV_REFERENCE.matcher(env.getValue());
                while (ref.find()) {
                    assertThat(defined).as(env.getName() + " uses $(" + ref.group(1) + ") before it is defined")
                            .contains(ref.group(1));
                }
            }
        }
    }

    @Test
    void shouldRenderTheConfigMapFromACopyIdenticalToConfigTickcastProperties() {
        Path original = ROOT.resolve(ProjectFiles.PROPERTIES);
        Path copy = ROOT.resolve(ProjectFiles.K8S_BASE).resolve("tickcast.properties");
        assertThat(original).as("config/tickcast.properties (foundation issue) must exist").isRegularFile();
        assertThat(ProjectFiles.read(copy))
                .as("k8s/base/tickcast.properties differs from config/tickcast.properties: "
                        + "cp config/tickcast.properties k8s/base/tickcast.properties")
                .isEqualTo(ProjectFiles.read(original));
        ConfigMap map = one(render(ProjectFiles.K8S_BASE), ConfigMap.class);
        assertThat(map.getData().get("tickcast.properties")).isEqualTo(ProjectFiles.read(original));
    }

    @Test
    void shouldDeclareEveryTickcastTopicAsAStrimziKafkaTopic() {
        List<HasMetadata> objects = render(ProjectFiles.K8S_STRIMZI);
        Properties defaults = properties(ROOT.resolve(ProjectFiles.K8S_BASE).resolve("tickcast.properties"));
        Set<String> topics = defaults.stringPropertyNames().stream().filter(k -> k.startsWith("topic."))
                .map(defaults::getProperty).collect(Collectors.toSet());
        List<KafkaTopic> kafkaTopics = objects.stream().filter(KafkaTopic.class::isInstance)
                .map(KafkaTopic.class::cast).toList();

        assertThat(kafkaTopics).extracting(t -> t.getSpec().getTopicName()).containsExactlyInAnyOrderElementsOf(topics);
        assertThat(kafkaTopics).allSatisfy(t -> {
            assertThat(t.getMetadata().getLabels()).containsKey("strimzi.io/cluster");
            assertThat(t.getMetadata().getNamespace()).as("the Kafka cluster's namespace, where the Topic Operator"
                    + " watches").isEqualTo("kafka");
            assertThat(t.getSpec().getReplicas()).isGreaterThanOrEqualTo(3);
        });
        StatefulSet set = one(objects, StatefulSet.class);
        Map<String, String> env = set.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        assertThat(env.get("TICKCAST_KAFKA_BOOTSTRAP_SERVERS")).endsWith("-kafka-bootstrap.kafka.svc:9092");
        assertThat(env).containsEntry("TICKCAST_TOPICS_CREATE", "false");
    }

    private List<HasMetadata> render(String dir) {
        return renders.computeIfAbsent(dir, KustomizeRender::render);
    }

    /** @return how many resource and patch files were parsed, those of the bases included */
    private static int checkFilesParse(Kustomization kustomization) {
        int parsed = 0;
        for (Path file : kustomization.resourceFiles()) {
            assertThat(StrictKubernetesModel.parseAll(ProjectFiles.read(file))).as(file.toString()).isNotEmpty();
            parsed++;
        }
        for (Path patch : kustomization.patchFiles()) {
            assertThat(StrictKubernetesModel.parseAll(ProjectFiles.read(patch))).as(patch.toString()).isNotEmpty();
            parsed++;
        }
        for (Kustomization base : kustomization.bases()) {
            parsed += checkFilesParse(base);
        }
        return parsed;
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(ProjectFiles.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
