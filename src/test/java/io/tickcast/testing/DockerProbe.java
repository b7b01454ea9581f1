package io.tickcast.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * Decides whether tests get a Docker (Testcontainers) broker. Testcontainers is only asked when there is a
 * sign of a Docker engine (a {@code DOCKER_HOST}, a Docker socket, or a Testcontainers configuration
 * file), so machines without Docker neither wait for its probe nor see its warnings. The system property
 * {@code tickcast.test.broker} (or variable {@code TICKCAST_TEST_BROKER}) set to {@code embedded} or
 * {@code docker} overrides the decision.
 */
final class DockerProbe {

    private DockerProbe() {
    }

    static boolean useDocker() {
        String forced = System.getProperty("tickcast.test.broker", System.getenv("TICKCAST_TEST_BROKER"));
        if ("embedded".equalsIgnoreCase(forced)) {
            return false;
        }
        if ("docker".equalsIgnoreCase(forced)) {
            return true;
        }
        if (!dockerLikely()) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static boolean dockerLikely() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home"));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        return Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(home.resolve(".docker/run/docker.sock"))
                || Files.exists(home.resolve(".testcontainers.properties"))
                || runtimeDir != null && Files.exists(Path.of(runtimeDir, "docker.sock"));
    }
}
