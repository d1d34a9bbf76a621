package org.nianbao.publication.sweep;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.nianbao.publication.service.PublicationService;

/**
 * Reports published before cells and findings were stored apart (schema V1) get them after start-up, a batch at a
 * time (one transaction each), so roll-ups and exports include them. Reports that have no table at all are skipped
 * quickly.
 */
@ApplicationScoped
public class CellBackfill {
    private static final Logger LOG = Logger.getLogger(CellBackfill.class);
    private static final int BATCH = 200;

    @Inject
    PublicationService publication;

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
        return publication.backfillCells(afterId, BATCH)
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(0) : batch(ids.get(ids.size() - 1)).map(n -> n + ids.size()));
    }
}
