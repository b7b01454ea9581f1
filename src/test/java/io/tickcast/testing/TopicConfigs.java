package io.tickcast.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/** Topic configurations and names as the broker reports them, for tests of the topics the service creates. */
public final class TopicConfigs {

    private TopicConfigs() {
    }

    /** @return every configuration entry of {@code topic}, defaults included, by name */
    public static Map<String, String> of(KafkaBroker broker, String topic) throws Exception {
        try (Admin admin = admin(broker)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).entries().stream()
                    .collect(Collectors.toMap(ConfigEntry::name, e -> String.valueOf(e.value())));
        }
    }

    /** @return the names of the broker's topics that end with {@code suffix} */
    public static Set<String> topicsEndingWith(KafkaBroker broker, String suffix) throws Exception {
        try (Admin admin = admin(broker)) {
            return admin.listTopics().names().get().stream().filter(n -> n.endsWith(suffix))
                    .collect(Collectors.toSet());
        }
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
