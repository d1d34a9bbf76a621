package org.nianbao.publication.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.publication.model.PublishedReport;

import java.util.List;

/**
 * Reports published before cells and findings were stored apart (schema V1) get them after start-up, a batch at a
 * time, so roll-ups and exports include them. Reports that have no table at all are skipped quickly.
 */
@ApplicationScoped
public class CellBackfill {
    private static final Logger LOG = Logger.getLogger(CellBackfill.class);
    private static final int BATCH = 200;

    @Inject
    ReportCellRepository cells;

    /** Shortly after start (and then daily, in case a start was interrupted). */
    @Scheduled(every = "24h", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> backfill() {
        return batch("").invoke(n -> {
            if (n > 0) {
                LOG.infof("stored the cells of %d report(s) published before cells were kept apart", n);
            }
        }).onFailure().invoke(e -> LOG.error("the cell back-fill failed; it is tried again tomorrow", e)).replaceWithVoid();
    }

    /** Back-fills the reports after {@code afterId} in id order; returns how many it filled. */
    private Uni<Integer> batch(String afterId) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery("select id from report r where id > :after"
                                + " and not exists (select 1 from report_cell c where c.report_id = r.id) order by id limit " + BATCH, String.class)
                        .setParameter("after", afterId).getResultList())
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<PublishedReport>of())
                        : PublishedReport.<PublishedReport>list("id in ?1 order by id", ids))
                .call(this::fill))
                .flatMap(list -> list.isEmpty() ? Uni.createFrom().item(0)
                        : batch(list.get(list.size() - 1).id).map(n -> n + list.size()));
    }

    private Uni<Void> fill(List<PublishedReport> reports) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PublishedReport r : reports) {
            chain = chain.call(() -> cells.store(r, PipelineEvents.read(r.model, Report.class),
                    List.of(PipelineEvents.read(r.findings, Finding[].class))));
        }
        return chain;
    }
}
