package org.nianbao.validationservice.sweep;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.nianbao.leader.LeaderGate;
import org.nianbao.messaging.EventSender;
import org.nianbao.messaging.PipelineMetrics;
import org.nianbao.validationservice.service.ValidationService;

import java.util.List;

/**
 * The cross-year re-validation sweep, once per cluster (where {@link LeaderGate} leads): every stored report
 * whose agency's latest previous year is not the one it was last validated against (e.g. validated before that
 * year's revision was stored, or before this bookkeeping existed) is re-validated and emitted again with a
 * higher validationRound, a batch per transaction whose events Kafka acknowledged before it commits. A second
 * run finds nothing left to do.
 */
@ApplicationScoped
public class CrossYearSweep {
    static final String NAME = "cross-year";
    private static final Logger LOG = Logger.getLogger(CrossYearSweep.class);
    private static final int BATCH = 50;

    @Inject
    LeaderGate leader;

    @Inject
    ValidationService validation;

    @Inject
    EventSender validated;

    @Scheduled(identity = "cross-year-sweep", every = "${nianbao.sweep.cross-year.every}",
            delayed = "${nianbao.sweep.cross-year.delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!leader.isLeader()) {
            LOG.debug("cross-year sweep: another replica leads, skipped");
            return Uni.createFrom().voidItem();
        }
        return run().replaceWithVoid().onFailure().recoverWithNull();
    }

    /** One sweep: how many reports were checked and re-validated. */
    public Uni<Result> run() {
        return validation.stale()
                .flatMap(stale -> revalidate(stale.submissionIds()).map(n -> new Result(stale.checked(), n)))
                .invoke(r -> {
                    PipelineMetrics.sweepRan(NAME, true);
                    LOG.infof("cross-year sweep: %d report(s) checked, %d re-validated", r.checked(), r.revalidated());
                })
                .onFailure().invoke(e -> {
                    PipelineMetrics.sweepRan(NAME, false);
                    LOG.warnf("cross-year sweep failed (the next run retries): %s", e.getMessage());
                });
    }

    /** Re-validates the stale reports a batch per transaction, one batch after the other; how many were re-validated. */
    private Uni<Integer> revalidate(List<String> submissionIds) {
        Uni<Integer> total = Uni.createFrom().item(0);
        for (int from = 0; from < submissionIds.size(); from += BATCH) {
            List<String> batch = submissionIds.subList(from, Math.min(submissionIds.size(), from + BATCH));
            total = total.flatMap(done -> validation.revalidateIfStale(batch, validated).map(n -> done + n));
        }
        return total;
    }

    public record Result(int checked, int revalidated) {
    }
}
