package io.tickcast.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Prometheus's {@code promtool} (Debian package {@code prometheus}); tests that need it skip when it is absent. */
final class Promtool {

    private static final String MISSING = "promtool not on PATH: install Debian's `prometheus` package (.ci/run does)";

    private Promtool() {
    }

    /** @return promtool, or skips the calling test with a message saying how to install it */
    static ExternalTool require() {
        var tool = ExternalTool.find("promtool");
        assumeTrue(tool.isPresent(), MISSING);
        return tool.orElseThrow();
    }

    /**
     * Writes expressions as recording rules into a rule file, so {@code promtool check rules} validates them as
     * PromQL.
     *
     * @param dir         where to write the file
     * @param expressions valid PromQL (no Grafana variables left)
     * @return the rule file
     */
    static Path recordingRulesFile(Path dir, List<String> expressions) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode rules = root.putArray("groups").addObject().put("name", "expressions").putArray("rules");
        for (int i = 0; i < expressions.size(); i++) {
            rules.addObject().put("record", "check:expression_" + i).put("expr", expressions.get(i));
        }
        try {
            Path file = dir.resolve("expressions.yml");
            new YAMLMapper().writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
