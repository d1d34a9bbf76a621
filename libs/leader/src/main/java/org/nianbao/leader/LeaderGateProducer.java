package org.nianbao.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * One {@link LeaderGate} per service process, for any Quarkus service that depends on this library: in
 * Kubernetes it elects on the Lease {@code nianbao.leader.lease} (default {@code <application name>-sweeps}),
 * elsewhere the process always leads. It leaves the election (releasing the Lease) on shutdown.
 */
@ApplicationScoped
public class LeaderGateProducer {
    private static final Logger LOG = Logger.getLogger(LeaderGateProducer.class);

    @ConfigProperty(name = "nianbao.leader.lease")
    Optional<String> lease;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "nianbao")
    String applicationName;

    @ConfigProperty(name = "nianbao.leader.lease-duration", defaultValue = "15s")
    Duration leaseDuration;

    private KubernetesClient client;

    @Produces
    @Singleton
    LeaderGate leaderGate() {
        if (!LeaderGate.inKubernetes()) {
            LOG.info("not in Kubernetes: this process runs the once-per-cluster work");
            return LeaderGate.inProcess();
        }
        String name = lease.orElse(applicationName + "-sweeps");
        client = new KubernetesClientBuilder().build();
        return LeaderGates.forPod(client, System.getenv(), LeaderGates.NAMESPACE_FILE, name, leaseDuration);
    }

    /** Joins the election at start-up, so the first sweep already knows whether it leads. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started, LeaderGate gate) {
        LOG.debugf("leader gate ready (leading: %s)", gate.isLeader());
    }

    void close(@Disposes LeaderGate gate) {
        gate.close();
        if (client != null) {
            client.close();
        }
    }
}
