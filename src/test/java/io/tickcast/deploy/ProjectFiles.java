package io.tickcast.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Paths of the deployment files in the project tree, and plain YAML/JSON readers for them. */
final class ProjectFiles {

    static final String COMPOSE_FILE = "docker-compose.yml";
    static final String DOCKERFILE = "Dockerfile";
    static final String POM = "pom.xml";
    static final String PROPERTIES = "config/tickcast.properties";
    static final String PROMETHEUS_CONFIG = "config/prometheus/prometheus.yml";
    static final String RULES_DIR = "config/prometheus/rules";
    static final String RULE_TESTS_DIR = "config/prometheus/tests";
    static final String DASHBOARDS_DIR = "config/grafana/dashboards";
    static final String K8S_BASE = "k8s/base";
    static final String K8S_STRIMZI = "k8s/overlays/strimzi";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectFiles() {
    }

    /** @return the project root: the working directory Maven runs tests in */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve(POM))) {
            throw new IllegalStateException("tests must run from the project root, not " + dir);
        }
        return dir;
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
