package io.tickcast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Jib configuration in pom.xml and the Dockerfile describe the same container. */
class ImageConfigTest {

    private static final Element JIB = jibConfiguration();
    private static final List<String> DOCKERFILE = ProjectFiles.read(ProjectFiles.resolve(ProjectFiles.DOCKERFILE))
            .replace("\\\n", " ").lines().toList();

    @Test
    void shouldGiveBothImagesTheSameContainerAwareJvmFlags() {
        List<String> jibFlags = texts(JIB, "jvmFlag");
        assertThat(jibFlags).anyMatch(f -> f.startsWith("-XX:MaxRAMPercentage="))
                .anyMatch(f -> f.startsWith("-Dorg.bytedeco.javacpp.maxbytes="))
                .anyMatch(f -> f.startsWith("-Dorg.bytedeco.javacpp.maxphysicalbytes="))
                .anyMatch(f -> f.startsWith("-Dorg.bytedeco.javacpp.cachedir=/tmp/"));
        Matcher options = Pattern.compile("JDK_JAVA_OPTIONS=\"([^\"]*)\"").matcher(String.join("\n", DOCKERFILE));
        assertThat(options.find()).as("Dockerfile sets JDK_JAVA_OPTIONS").isTrue();
        assertThat(Arrays.asList(options.group(1).trim().split("\\s+"))).containsExactlyElementsOf(jibFlags);
    }

    @Test
    void shouldRunBothImagesAsANonRootUser() {
        String jibUser = text(JIB, "user");
        assertThat(jibUser).matches("[1-9][0-9]*:[1-9][0-9]*");
        List<String> users = DOCKERFILE.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).hasSize(1);
        assertThat(users.get(0)).doesNotContain("root").doesNotContain(" 0");
        assertThat(String.join("\n", DOCKERFILE)).contains("--uid ${UID}").contains("ARG UID=" + jibUser.split(":")[0]);
    }

    @Test
    void shouldStartBothImagesTheSameWay() throws IOException {
        assertThat(text(JIB, "mainClass")).isEqualTo(text(pom().getDocumentElement(), "mainClass", 0));
        List<String> jibArgs = texts(JIB, "arg");
        String cmd = DOCKERFILE.stream().filter(l -> l.startsWith("CMD ")).findFirst().orElseThrow();
        List<String> dockerArgs = List.of(new ObjectMapper().readValue(cmd.substring(4), String[].class));
        assertThat(dockerArgs).containsExactlyElementsOf(jibArgs).contains("/etc/tickcast/tickcast.properties");
        assertThat(texts(JIB, "port")).containsExactly("9464");
        assertThat(DOCKERFILE).contains("EXPOSE 9464");
        assertThat(DOCKERFILE).anyMatch(l -> l.startsWith("HEALTHCHECK") && l.contains("/ready"));
    }

    @Test
    void shouldWriteTheJibTarballWhereTheDocsSay() {
        assertThat(text(JIB, "tar")).isEqualTo("${project.build.directory}/jib-image.tar");
        assertThat(text(JIB, "into")).isEqualTo("/etc/tickcast");
        assertThat(text(JIB, "includes")).isEqualTo("tickcast.properties");
        Element plugin = (Element) JIB.getParentNode();
        assertThat(plugin.getElementsByTagName("executions").getLength()).as("jib is bound to no phase").isZero();
    }

    @Test
    void shouldSendOnlyWhatTheBuildCopiesIntoTheDockerContext() {
        List<String> ignore = ProjectFiles.read(ProjectFiles.resolve(".dockerignore")).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(ignore.get(0)).isEqualTo("*");
        assertThat(DOCKERFILE).isNotEmpty();
        int sourcesChecked = 0;
        for (String line : DOCKERFILE) {
            if (line.startsWith("COPY ") && !line.contains("--from=")) {
                String[] parts = line.substring(5).trim().split("\\s+");
                for (String source : Arrays.copyOf(parts, parts.length - 1)) {
                    String path = source.replaceAll("/$", "");
                    assertThat(ignore).as("COPY " + source + " needs !" + path + " in .dockerignore")
                            .anyMatch(l -> l.equals("!" + path) || l.equals("!" + path + "/"));
                    sourcesChecked++;
                }
            }
        }
        assertThat(sourcesChecked).as("sources of the Dockerfile's COPY lines from the build context").isPositive();
    }

    private static Element jibConfiguration() {
        NodeList artifacts = pom().getElementsByTagName("artifactId");
        for (int i = 0; i < artifacts.getLength(); i++) {
            if ("jib-maven-plugin".equals(artifacts.item(i).getTextContent().trim())) {
                Element plugin = (Element) artifacts.item(i).getParentNode();
                return (Element) plugin.getElementsByTagName("configuration").item(0);
            }
        }
        throw new AssertionError("pom.xml has no jib-maven-plugin");
    }

    private static Document pom() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(ProjectFiles.resolve(ProjectFiles.POM).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse pom.xml", e);
        }
    }

    private static String text(Element parent, String tag) {
        List<String> all = texts(parent, tag);
        assertThat(all).as("<" + tag + "> in the jib configuration").hasSize(1);
        return all.get(0);
    }

    private static String text(Element parent, String tag, int index) {
        return parent.getElementsByTagName(tag).item(index).getTextContent().trim();
    }

    private static List<String> texts(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }
}
