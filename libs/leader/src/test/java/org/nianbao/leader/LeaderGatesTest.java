package org.nianbao.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two service pods joining their election as the services do (LeaderGates.forPod), on the fabric8 mock API server. */
@EnableKubernetesMockClient(crud = true)
class LeaderGatesTest {
    private static final String LEASE = "nianbao-validation-sweeps";
    KubernetesClient client;

    @TempDir
    Path dir;

    @Test
    void twoPodsOfAServiceHaveOneLeaderAndTheOtherTakesOver() {
        Path noFile = dir.resolve("absent");
        LeaderGate a = LeaderGates.forPod(client, Map.of("POD_NAMESPACE", "nianbao", "POD_NAME", "validation-a"),
                noFile, LEASE, Duration.ofSeconds(2));
        LeaderGate b = LeaderGates.forPod(client, Map.of("POD_NAMESPACE", "nianbao", "POD_NAME", "validation-b"),
                noFile, LEASE, Duration.ofSeconds(2));
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> a.isLeader() || b.isLeader());
            assertThat(a.isLeader() && b.isLeader()).isFalse();
            LeaderGate leader = a.isLeader() ? a : b;
            LeaderGate follower = leader == a ? b : a;
            assertThat(client.leases().inNamespace("nianbao").withName(LEASE).get().getSpec().getHolderIdentity())
                    .isEqualTo(leader == a ? "validation-a" : "validation-b");
            leader.close();
            await().atMost(Duration.ofSeconds(20)).until(follower::isLeader);
            assertThat(client.leases().inNamespace("nianbao").withName(LEASE).get().getSpec().getHolderIdentity())
                    .isEqualTo(follower == a ? "validation-a" : "validation-b");
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void namespaceAndIdentityComeFromTheDownwardApiOrThePod() throws Exception {
        Path file = Files.writeString(dir.resolve("namespace"), "gov-reports\n");
        assertThat(LeaderGates.namespace(Map.of("POD_NAMESPACE", "nianbao"), file, client)).isEqualTo("nianbao");
        assertThat(LeaderGates.namespace(Map.of(), file, client)).isEqualTo("gov-reports");
        assertThat(LeaderGates.identity(Map.of("POD_NAME", "validation-7c9", "HOSTNAME", "other"))).isEqualTo("validation-7c9");
        assertThat(LeaderGates.identity(Map.of("HOSTNAME", "validation-7c9"))).isEqualTo("validation-7c9");
    }
}
