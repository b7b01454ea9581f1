package io.tickcast.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The shipped config file and the README document every key, at its real default. */
class ConfigDocsTest {

    private static final Path CONFIG_FILE = Path.of("config", "tickcast.properties");

    @Test
    void shouldShipAConfigFileThatListsEveryKeyAtItsDefault() throws IOException {
        String shipped = Files.readString(CONFIG_FILE, StandardCharsets.UTF_8);

        assertThat(shipped)
                .as("config/tickcast.properties is stale: regenerate it from ConfigDocs.propertiesFile()")
                .isEqualTo(ConfigDocs.propertiesFile());
    }

    @Test
    void shouldLoadTheShippedConfigFileAsTheDefaults() throws IOException {
        Properties props = new Properties();
        props.load(new StringReader(Files.readString(CONFIG_FILE)));

        TickcastConfig fromFile = TickcastConfig.load(props, Map.of(), Map.of());

        assertThat(fromFile.values()).isEqualTo(TickcastConfig.of(Map.of()).values());
    }

    @Test
    void shouldDocumentEveryKeyInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme).as("README's config table is stale: regenerate it from ConfigDocs.markdownTable()")
                .contains("<!-- config-table -->\n" + ConfigDocs.markdownTable() + "<!-- /config-table -->");
    }
}
