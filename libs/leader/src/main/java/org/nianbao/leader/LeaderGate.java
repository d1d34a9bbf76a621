package org.nianbao.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides where once-per-cluster work runs (the missing-report sweep, the cross-year re-validation
 * sweep): in Kubernetes on the one replica holding a coordination.k8s.io Lease, through the fabric8
 * LeaderElector; outside Kubernetes ({@link #inProcess()}) this process is always the leader.
 */
public final class LeaderGate implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LeaderGate.class);

    private final AtomicBoolean leader = new AtomicBoolean();
    private volatile Runnable leave = () -> { };

    private LeaderGate(boolean alwaysLeader) {
        leader.set(alwaysLeader);
    }

    /** This process alone: always the leader. */
    public static LeaderGate inProcess() {
        return new LeaderGate(true);
    }

    /** True when running in a Kubernetes pod (the service-account environment is present). */
    public static boolean inKubernetes() {
        return System.getenv("KUBERNETES_SERVICE_HOST") != null;
    }

    /**
     * Takes part in the election for the Lease {@code name} in {@code namespace} as {@code identity}
     * (the pod name); the callbacks run when this candidate gains or loses the lead.
     */
    public static LeaderGate elect(KubernetesClient client, String namespace, String name, String identity,
                                   Duration leaseDuration, Runnable onStartLeading, Runnable onStopLeading) {
        LeaderGate gate = new LeaderGate(false);
        LeaderElector elector = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName(name)
                .withLock(new LeaseLock(namespace, name, identity))
                .withLeaseDuration(leaseDuration)
                .withRenewDeadline(leaseDuration.multipliedBy(2).dividedBy(3))
                .withRetryPeriod(leaseDuration.dividedBy(5))
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> {
                            LOG.infof("%s leads %s/%s", identity, namespace, name);
                            gate.leader.set(true);
                            onStartLeading.run();
                        },
                        () -> {
                            LOG.infof("%s no longer leads %s/%s", identity, namespace, name);
                            gate.leader.set(false);
                            onStopLeading.run();
                        },
                        newLeader -> LOG.debugf("leader of %s/%s is now %s", namespace, name, newLeader)))
                .build()).build();
        CompletableFuture<?> election = elector.start();
        gate.leave = () -> election.cancel(true);
        return gate;
    }

    public boolean isLeader() {
        return leader.get();
    }

    /** Runs {@code work} only where this process leads; returns whether it ran. */
    public boolean runIfLeader(Runnable work) {
        if (!isLeader()) {
            return false;
        }
        work.run();
        return true;
    }

    /** Leaves the election (releasing the Lease if held). */
    @Override
    public void close() {
        leave.run();
        leader.set(false);
    }
}
