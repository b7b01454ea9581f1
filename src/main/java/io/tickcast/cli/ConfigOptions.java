package io.tickcast.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.tickcast.config.TickcastConfig;
import picocli.CommandLine.Option;

/** The options every command that runs the service shares: the config file, and single-key overrides. */
final class ConfigOptions {

    static final Path DEFAULT_FILE = Path.of("config", "tickcast.properties");
    /** The system property the launcher sets to its own directory, where the default file is looked for next. */
    static final String HOME_PROPERTY = "tickcast.home";

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file (default: config/tickcast.properties in the current directory, else in"
                    + " tickcast's own, when it exists). TICKCAST_* environment variables override it, --set overrides"
                    + " both.")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config key, e.g. --set bar.interval=1m")
    Map<String, String> overrides = new LinkedHashMap<>();

    /**
     * @param extra overrides from the command's own flags, winning over everything
     * @throws org.apache.kafka.common.config.ConfigException naming the key, for a bad value
     */
    TickcastConfig load(Map<String, String> extra) throws IOException {
        Properties props = new Properties();
        Path path = file != null ? file : defaultFile(Path.of(""), System.getProperty(HOME_PROPERTY));
        if (path != null) {
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                props.load(in);
            }
        }
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(extra);
        return TickcastConfig.load(props, System.getenv(), all);
    }

    /** @return config/tickcast.properties under {@code workingDir}, else under {@code home}, else null */
    static Path defaultFile(Path workingDir, String home) {
        Path here = workingDir.resolve(DEFAULT_FILE);
        if (Files.exists(here)) {
            return here;
        }
        Path underHome = home == null ? null : Path.of(home).resolve(DEFAULT_FILE);
        return underHome != null && Files.exists(underHome) ? underHome : null;
    }
}
