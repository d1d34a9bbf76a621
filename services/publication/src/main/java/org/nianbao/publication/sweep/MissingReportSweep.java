package org.nianbao.publication.sweep;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.nianbao.leader.LeaderGate;
import org.nianbao.messaging.PipelineMetrics;
import org.nianbao.publication.SweepConfig;
import org.nianbao.publication.service.CompletenessService;

import java.time.LocalDate;

/**
 * The missing-report sweep: once per cluster (on the replica holding the Lease), it flags every registered
 * agency whose report for last year is still not published after its deadline, and clears the flags of
 * those that have published since. Completeness shows when each agency was first flagged.
 */
@ApplicationScoped
public class MissingReportSweep {
    private static final Logger LOG = Logger.getLogger(MissingReportSweep.class);
    static final String NAME = "missing-reports";
    public static final String IDENTITY = "missing-report-sweep";

    @Inject
    LeaderGate leader;
    @Inject
    CompletenessService completeness;

    @Inject
    SweepConfig config;
    @Inject
    Scheduler scheduler;

    /** Schedules the sweep as configured ({@link SweepConfig}): first {@code delay} after start, then {@code every}. */
    void schedule(@Observes StartupEvent start) {
        SweepConfig.MissingReports settings = config.missingReports();
        scheduler.newJob(IDENTITY).setInterval(settings.every().toString()).setDelayed(settings.delay().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setAsyncTask(execution -> scheduled()).schedule();
    }

    Uni<Void> scheduled() {
        if (!leader.isLeader()) {
            LOG.debug("another replica leads: the missing-report sweep runs there");
            return Uni.createFrom().voidItem();
        }
        LocalDate today = LocalDate.now(CompletenessService.CHINA);
        return run(today.getYear() - 1, today).replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    PipelineMetrics.sweepRan(NAME, false);
                    LOG.error("the missing-report sweep failed; it runs again at its next interval", e);
                    return Uni.createFrom().voidItem();
                });
    }

    /** Sweeps one report year as of a day; returns how many agencies are flagged. */
    public Uni<Integer> run(int year, LocalDate today) {
        return completeness.flagMissing(year, today).invoke(flagged -> {
            PipelineMetrics.sweepRan(NAME, true);
            LOG.infof("missing-report sweep for %d: %d registered agenc%s without a report after the deadline", year, flagged,
                    flagged == 1 ? "y" : "ies");
        });
    }
}
