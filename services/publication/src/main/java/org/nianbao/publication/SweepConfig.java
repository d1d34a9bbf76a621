package org.nianbao.publication;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Publication's own settings, each with its one default here (environment: {@code NIANBAO_SWEEP_MISSING_REPORTS_EVERY},
 * {@code NIANBAO_SWEEP_MISSING_REPORTS_DELAY}). The admin token ({@code nianbao.admin-token}) is read by the doors of
 * libs/web, the Lease ({@code nianbao.leader.*}) by libs/leader.
 */
@ConfigMapping(prefix = "nianbao.sweep")
public interface SweepConfig {

    /**
     * The missing-report sweep (on the replica holding the Lease nianbao-publication-sweeps in Kubernetes): flags the
     * registered agencies without a report for last year after their deadline.
     */
    MissingReports missingReports();

    interface MissingReports {
        /** How often it runs. */
        @WithDefault("6h")
        Duration every();

        /** How long after start-up it first runs. */
        @WithDefault("1m")
        Duration delay();
    }
}
