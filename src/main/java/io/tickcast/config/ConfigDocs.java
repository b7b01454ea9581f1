package io.tickcast.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.kafka.common.config.ConfigDef;

/**
 * Renders the configuration's documentation from its one definition: the commented {@code config/tickcast.properties}
 * and the README's table. A test keeps both in step with {@link TickcastConfig#definition()}.
 */
public final class ConfigDocs {

    private ConfigDocs() {
    }

    /** @return the text of {@code config/tickcast.properties}: every key, commented, at its default */
    public static String propertiesFile() {
        StringBuilder out = new StringBuilder()
                .append("# tickcast configuration. Every key is listed at its default.\n")
                .append("# Environment variables override this file: TICKCAST_<KEY upper-cased, dots as underscores>,\n")
                .append("# e.g. TICKCAST_HTTP_PORT=9465. Keys starting with 'kafka.' pass (without the prefix) to the\n")
                .append("# Kafka clients and Kafka Streams, e.g. kafka.security.protocol=SASL_SSL,\n")
                .append("# kafka.num.standby.replicas=1, kafka.num.stream.threads=2.\n")
                .append("# Generated from io.tickcast.config.TickcastConfig; ConfigDocsTest keeps it in step.\n");
        for (ConfigDef.ConfigKey key : keys()) {
            out.append('\n');
            for (String line : wrap(key.documentation, 110)) {
                out.append("# ").append(line).append('\n');
            }
            out.append("# Type: ").append(key.type.name().toLowerCase(Locale.ROOT));
            if (key.validator instanceof ConfigDef.Range || key.validator instanceof ConfigDef.ValidString) {
                out.append("; valid: ").append(key.validator);
            }
            out.append('\n').append(key.name).append('=').append(defaultText(key)).append('\n');
        }
        return out.toString();
    }

    /** @return a Markdown table: key, default, meaning */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
        for (ConfigDef.ConfigKey key : keys()) {
            out.append("| `").append(key.name).append("` | `").append(defaultText(key)).append("` | ")
                    .append(key.documentation.replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    static String defaultText(ConfigDef.ConfigKey key) {
        return key.defaultValue == null ? "" : String.valueOf(key.defaultValue);
    }

    private static List<ConfigDef.ConfigKey> keys() {
        return TickcastConfig.definition().configKeys().values().stream().toList();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
