package io.tickcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.api.Test;

class StrictKubernetesModelTest {

    private static final String STATEFUL_SET = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: demo
            spec:
              replicas: 2
              serviceName: demo
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      env:
                        - name: A
                          value: "1"
                      readinessProbe:
                        httpGet:
                          path: /ready
                          port: 9464
            """;

    @Test
    void shouldParseAValidObjectIntoItsModelClass() {
        HasMetadata parsed = StrictKubernetesModel.parseAll(STATEFUL_SET).get(0);
        assertThat(parsed).isInstanceOf(StatefulSet.class);
        Probe probe = ((StatefulSet) parsed).getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe();
        assertThat(probe.getHttpGet().getPath()).isEqualTo("/ready");
    }

    @Test
    void shouldRejectAMisspelledTopLevelSpecField() {
        assertThatThrownBy(() -> StrictKubernetesModel.parseAll(STATEFUL_SET.replace("replicas: 2", "replica: 2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replica");
    }

    @Test
    void shouldRejectAMisspelledFieldDeepInsideTheContainer() {
        assertThatThrownBy(() -> StrictKubernetesModel.parseAll(STATEFUL_SET.replace("path: /ready", "paht: /ready")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paht");
    }

    @Test
    void shouldRejectANumberWhereTheApiExpectsAString() {
        assertThatThrownBy(() -> StrictKubernetesModel.parseAll(STATEFUL_SET.replace("value: \"1\"", "value: 1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("String");
    }

    @Test
    void shouldRejectADuplicatedKey() {
        assertThatThrownBy(() -> StrictKubernetesModel.parseAll(STATEFUL_SET.replace("replicas: 2",
                "replicas: 2\n  replicas: 3"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Duplicate field 'replicas'");
    }

    @Test
    void shouldRejectAnApiVersionThatDoesNotServeTheKind() {
        assertThatThrownBy(() -> StrictKubernetesModel.parseAll(STATEFUL_SET.replace("apps/v1", "apps/v1beta1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apps/v1beta1");
    }

    @Test
    void shouldRejectAKindWithoutAModel() {
        assertThatThrownBy(() -> StrictKubernetesModel.parseAll("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Pod");
    }

    @Test
    void shouldRejectAMisspelledStrimziTopicField() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: ticks
                  labels: {strimzi.io/cluster: my-cluster}
                spec:
                  partitions: 6
                  replicas: 3
                """;
        assertThat(StrictKubernetesModel.parseAll(topic).get(0)).isInstanceOf(KafkaTopic.class);
        assertThatThrownBy(() -> StrictKubernetesModel.parseAll(topic.replace("partitions:", "partition:")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition");
    }

    @Test
    void shouldFindEntriesHiddenInTheAdditionalPropertiesCatchAll() {
        StatefulSet set = (StatefulSet) StrictKubernetesModel.parseAll(STATEFUL_SET).get(0);
        Probe probe = set.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe();
        Map<String, Object> extra = new HashMap<>();
        extra.put("paht", "/ready");
        probe.getHttpGet().setAdditionalProperties(extra);

        assertThat(StrictKubernetesModel.unknownFields(set)).singleElement().asString().endsWith(".paht");
    }
}
