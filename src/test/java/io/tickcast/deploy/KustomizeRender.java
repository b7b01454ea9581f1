package io.tickcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Renders a kustomization with {@code kubectl kustomize} and parses the result strictly. */
final class KustomizeRender {

    private KustomizeRender() {
    }

    /**
     * @param dir a kustomization directory relative to the project root
     * @return the rendered objects; skips the calling test if kubectl is absent
     */
    static List<HasMetadata> render(String dir) {
        var kubectl = ExternalTool.find("kubectl");
        assumeTrue(kubectl.isPresent(), "kubectl not on PATH (Debian has no package for it): rendering skipped; "
                + "KubernetesManifestsTest.shouldListOnlyExistingFilesThatParseStrictly still checks every listed file");
        ExternalTool.Result result = kubectl.orElseThrow().run(ProjectFiles.root(), "kustomize", dir);
        assertThat(result.succeeded()).as("kubectl kustomize " + dir + ":\n" + result.output()).isTrue();
        return StrictKubernetesModel.parseAll(result.output());
    }
}
