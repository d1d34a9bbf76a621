package org.nianbao.charttests;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a Docker engine: every path docker/Dockerfile.jvm copies exists after the build, for each service. */
class ImageTest {
    private static final Pattern COPY = Pattern.compile("^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+$", Pattern.MULTILINE);

    @Test
    void everyCopiedPathExistsForEveryService() throws Exception {
        String dockerfile = Files.readString(Chart.ROOT.resolve("docker/Dockerfile.jvm"));
        List<String> sources = COPY.matcher(dockerfile).results().map(m -> m.group(1)).toList();
        assertThat(sources).hasSize(4);
        assertThat(dockerfile).contains("USER 185").doesNotContain(":latest");
        for (String service : List.of("intake", "extraction", "validation", "publication")) {
            for (String source : sources) {
                Path path = Chart.ROOT.resolve(source.replace("${SERVICE}", service));
                assertThat(path).as("%s copies %s", service, source).exists();
            }
        }
    }
}
