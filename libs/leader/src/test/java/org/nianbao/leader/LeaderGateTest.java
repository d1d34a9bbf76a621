package org.nianbao.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two candidates against the fabric8 mock Kubernetes API server: one leader, and failover when it goes. */
@EnableKubernetesMockClient(crud = true)
class LeaderGateTest {
    KubernetesClient client;

    @Test
    void exactlyOneCandidateLeadsAndTheOtherTakesOverWhenItGoes() {
        AtomicInteger sweeps = new AtomicInteger();
        LeaderGate a = LeaderGate.elect(client, "nianbao", "nianbao-sweeps", "pod-a", Duration.ofSeconds(2), () -> { }, () -> { });
        LeaderGate b = LeaderGate.elect(client, "nianbao", "nianbao-sweeps", "pod-b", Duration.ofSeconds(2), () -> { }, () -> { });
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> a.isLeader() || b.isLeader());
            // hold steady for a moment: never two leaders
            for (int i = 0; i < 10; i++) {
                assertThat(a.isLeader() && b.isLeader()).isFalse();
                a.runIfLeader(sweeps::incrementAndGet);
                b.runIfLeader(sweeps::incrementAndGet);
                sleep(100);
            }
            assertThat(sweeps.get()).as("the sweep ran once per round, on the leader").isEqualTo(10);
            LeaderGate leader = a.isLeader() ? a : b;
            LeaderGate follower = leader == a ? b : a;
            assertThat(client.leases().inNamespace("nianbao").withName("nianbao-sweeps").get().getSpec().getHolderIdentity())
                    .isEqualTo(leader == a ? "pod-a" : "pod-b");
            leader.close();
            await().atMost(Duration.ofSeconds(20)).until(follower::isLeader);
            assertThat(leader.isLeader()).isFalse();
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void outsideKubernetesTheProcessAlwaysLeads() {
        LeaderGate gate = LeaderGate.inProcess();
        assertThat(gate.isLeader()).isTrue();
        assertThat(gate.runIfLeader(() -> { })).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
