package io.tickcast.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The files a {@code kustomization.yaml} refers to, read without kustomize: enough to check that each listed file
 * exists and parses, where {@code kubectl kustomize} is not available.
 */
record Kustomization(Path dir, List<Path> resourceFiles, List<Path> patchFiles, List<Path> generatorFiles,
        List<Kustomization> bases) {

    /** The kustomization fields tickcast's manifests use; any other field is reported, since it goes unchecked. */
    static final Set<String> KNOWN_FIELDS = Set.of("apiVersion", "kind", "namespace", "labels", "resources",
            "patches", "configMapGenerator", "images");

    /**
     * @param dir a directory holding {@code kustomization.yaml}
     * @return its resources, patches and generator files, and its bases read recursively
     * @throws IllegalArgumentException if the file is missing, uses an unknown field or lists a missing file
     */
    static Kustomization read(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        require(Files.isRegularFile(file), "no kustomization.yaml in " + dir);
        JsonNode root = ProjectFiles.readYaml(file);
        root.fieldNames().forEachRemaining(f -> require(KNOWN_FIELDS.contains(f), file + ": unchecked field " + f));
        List<Path> resources = new ArrayList<>();
        List<Kustomization> bases = new ArrayList<>();
        for (JsonNode resource : root.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                bases.add(read(path));
            } else {
                resources.add(existing(path, file));
            }
        }
        List<Path> patches = new ArrayList<>();
        root.path("patches").forEach(p -> patches.add(existing(dir.resolve(p.path("path").asText()), file)));
        List<Path> generated = new ArrayList<>();
        root.path("configMapGenerator").forEach(g -> g.path("files").forEach(
                f -> generated.add(existing(dir.resolve(fileOf(f.asText())), file))));
        return new Kustomization(dir, resources, patches, generated, bases);
    }

    /** {@code key=path} or {@code path}: the path. */
    private static String fileOf(String entry) {
        int eq = entry.indexOf('=');
        return eq < 0 ? entry : entry.substring(eq + 1);
    }

    private static Path existing(Path path, Path listedIn) {
        require(Files.isRegularFile(path), listedIn + " lists " + path + ", which does not exist");
        return path;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
