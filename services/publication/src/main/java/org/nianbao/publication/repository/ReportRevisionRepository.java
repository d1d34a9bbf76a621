package org.nianbao.publication.repository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.publication.model.ReportRevision;

import java.util.List;

/** The report_revision table: every version ever published (a document revision in one validation round). */
@ApplicationScoped
public class ReportRevisionRepository {

    @WithSession
    public Uni<ReportRevision> find(ReportRevision.Key key) {
        return ReportRevision.findById(key);
    }

    @WithSession
    public Uni<ReportRevision> persist(ReportRevision revision) {
        return revision.persist();
    }

    /** Every version of a report, oldest first. */
    @WithSession
    public Uni<List<ReportRevision>> history(String reportId) {
        return ReportRevision.<ReportRevision>find("reportId = ?1 order by storedAt", reportId).list();
    }
}
