package org.nianbao.validationservice;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.nianbao.leader.LeaderGate;
import org.nianbao.messaging.PipelineMetrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The cross-year re-validation sweep, once per cluster (where {@link LeaderGate} leads): every stored report
 * whose agency's latest previous year is not the one it was last validated against (e.g. validated before that
 * year's revision was stored, or before this bookkeeping existed) is re-validated and emitted again with a
 * higher validationRound. A second run finds nothing left to do.
 */
@ApplicationScoped
public class CrossYearSweep {
    static final String NAME = "cross-year";
    private static final Logger LOG = Logger.getLogger(CrossYearSweep.class);
    /** Every stored report without its model, only the model's digest (computed by PostgreSQL). */
    private static final String STORED = "SELECT submission_id, agency_key, report_year, revision, received_at, "
            + "encode(sha256(convert_to(report, 'UTF8')), 'hex'), validated_against FROM validated_report "
            + "WHERE report_year IS NOT NULL";

    @Inject
    LeaderGate leader;

    @Inject
    ValidationProcessor processor;

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
    Uni<Result> run() {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery(STORED, Object[].class).getResultList()))
                .flatMap(rows -> {
                    List<CrossYear.Stored> stored = rows.stream().map(CrossYearSweep::stored).toList();
                    List<String> stale = CrossYear.stale(stored);
                    return processor.revalidateIfStale(stale).map(n -> new Result(stored.size(), n));
                })
                .invoke(r -> {
                    PipelineMetrics.sweepRan(NAME, true);
                    LOG.infof("cross-year sweep: %d report(s) checked, %d re-validated", r.checked(), r.revalidated());
                })
                .onFailure().invoke(e -> {
                    PipelineMetrics.sweepRan(NAME, false);
                    LOG.warnf("cross-year sweep failed (the next run retries): %s", e.getMessage());
                });
    }

    record Result(int checked, int revalidated) {
    }

    private static CrossYear.Stored stored(Object[] row) {
        return new CrossYear.Stored((String) row[0], (String) row[1], ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(), instant(row[4]), (String) row[5], (String) row[6]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + (value == null ? "null" : value.getClass()));
    }
}
