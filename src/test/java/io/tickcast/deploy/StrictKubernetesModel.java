package io.tickcast.deploy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Parses Kubernetes objects strictly against fabric8's API model (and Strimzi's for {@code KafkaTopic}): an unknown
 * or misspelled field, a value of the wrong type (a number or boolean where the API wants a string, as the API
 * server would refuse too), a duplicated key, or an {@code apiVersion} that does not belong to the {@code kind}
 * fails. fabric8's classes would otherwise swallow unknown fields into their {@code additionalProperties} catch-all:
 * the mapper here ignores that any-setter, and {@link #unknownFields} checks, as a second guard, that no catch-all
 * anywhere in the parsed object holds anything.
 */
final class StrictKubernetesModel {

    private static final List<Class<? extends HasMetadata>> KINDS = List.of(Namespace.class, ConfigMap.class,
            Service.class, StatefulSet.class, PodDisruptionBudget.class, ServiceMonitor.class, PrometheusRule.class,
            KafkaTopic.class);

    private static final ObjectMapper STRICT = strictMapper();
    private static final YAMLMapper TREES = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private StrictKubernetesModel() {
    }

    /**
     * @param yaml one or more YAML documents, each a Kubernetes object
     * @return the parsed objects, in order
     * @throws IllegalArgumentException naming the document and the field, if one is not a valid object
     */
    static List<HasMetadata> parseAll(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (var parser = TREES.createParser(yaml)) {
            var docs = TREES.readValues(parser, JsonNode.class);
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    objects.add(parse(doc));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
        }
        return objects;
    }

    /**
     * @param doc one Kubernetes object as a tree
     * @return the parsed object, of the model class its apiVersion and kind name
     * @throws IllegalArgumentException if the kind is unknown, the apiVersion wrong, or a field unknown or mistyped
     */
    static HasMetadata parse(JsonNode doc) {
        String kind = doc.path("kind").asText();
        String apiVersion = doc.path("apiVersion").asText();
        Class<? extends HasMetadata> type = KINDS.stream().filter(k -> HasMetadata.getKind(k).equals(kind))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no API model for kind '" + kind
                        + "': add its fabric8 class to StrictKubernetesModel.KINDS"));
        if (!HasMetadata.getApiVersion(type).equals(apiVersion)) {
            throw new IllegalArgumentException(kind + " " + doc.path("metadata").path("name").asText()
                    + ": apiVersion '" + apiVersion + "' is not " + HasMetadata.getApiVersion(type));
        }
        HasMetadata object;
        try {
            object = STRICT.treeToValue(doc, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(kind + " " + doc.path("metadata").path("name").asText() + ": "
                    + e.getMessage(), e);
        }
        List<String> unknown = unknownFields(object);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(kind + " " + object.getMetadata().getName() + ": unknown fields "
                    + unknown);
        }
        return object;
    }

    /**
     * @param object a parsed model object
     * @return the paths of every entry held by an {@code additionalProperties} catch-all inside it
     */
    static List<String> unknownFields(Object object) {
        List<String> found = new ArrayList<>();
        walk(object, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found, seen);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, found, seen));
        } else if (isModelClass(value.getClass())) {
            walkFields(value, path, found, seen);
        }
    }

    private static void walkFields(Object bean, String path, List<String> found, Set<Object> seen) {
        for (Class<?> c = bean.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, bean);
                if ("additionalProperties".equals(field.getName()) && fieldValue instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> found.add(path + "." + k));
                } else {
                    walk(fieldValue, path + "." + field.getName(), found, seen);
                }
            }
        }
    }

    private static Object read(Field field, Object bean) {
        try {
            field.setAccessible(true);
            return field.get(bean);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    private static boolean isModelClass(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.");
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES);
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated a) {
                return Boolean.FALSE; // no catch-all: an unknown field must fail, not vanish into additionalProperties
            }
        });
        // The API server refuses a number or boolean where it expects a string (e.g. an env value: 1): so must we.
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
