package org.nianbao.leader;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** How a service process joins its Lease election in a pod: namespace and identity from the pod's environment. */
public final class LeaderGates {
    /** Where Kubernetes mounts the pod's namespace with the service-account token. */
    public static final Path NAMESPACE_FILE = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    private LeaderGates() {
    }

    /**
     * Elects on the Lease {@code lease} as this pod: namespace from {@code POD_NAMESPACE} (downward API) or the
     * service-account namespace file, identity from {@code POD_NAME} or {@code HOSTNAME} (the pod name).
     */
    public static LeaderGate forPod(KubernetesClient client, Map<String, String> env, Path namespaceFile, String lease,
                                    Duration leaseDuration) {
        return LeaderGate.elect(client, namespace(env, namespaceFile, client), lease, identity(env), leaseDuration,
                () -> { }, () -> { });
    }

    static String namespace(Map<String, String> env, Path namespaceFile, KubernetesClient client) {
        String fromEnv = env.get("POD_NAMESPACE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        try {
            if (Files.isReadable(namespaceFile)) {
                return Files.readString(namespaceFile, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            // fall through to the client's namespace
        }
        String configured = client.getNamespace();
        return configured != null ? configured : "default";
    }

    static String identity(Map<String, String> env) {
        for (String name : new String[]{"POD_NAME", "HOSTNAME"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "nianbao-" + UUID.randomUUID();
    }
}
