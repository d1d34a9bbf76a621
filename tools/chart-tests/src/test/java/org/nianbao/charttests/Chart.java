package org.nianbao.charttests;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** helm/nianbao, rendered with helm-java as `helm template` would, read back with the fabric8 model. */
final class Chart {
    static final Path ROOT = Path.of(System.getProperty("nianbao.root", "../..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("helm/nianbao");

    private Chart() {
    }

    static String render(Map<String, Object> values) {
        var template = new Helm(CHART).template().withName("nianbao").withNamespace("nianbao");
        values.forEach(template::set);
        return template.call();
    }

    static List<HasMetadata> objects(String yaml) {
        Object parsed = Serialization.unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        @SuppressWarnings("unchecked")
        List<HasMetadata> list = parsed instanceof List<?> l ? (List<HasMetadata>) l : List.of((HasMetadata) parsed);
        return list;
    }
}
