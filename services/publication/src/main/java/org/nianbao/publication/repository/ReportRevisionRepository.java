package org.nianbao.publication.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.publication.model.ReportRevision;

import java.util.Collection;
import java.util.List;

/** The report_revision table: every version ever published (a document revision in one validation round). */
@ApplicationScoped
public class ReportRevisionRepository {

    /** The stored versions of these submissions (their keys only). */
    @WithSession
    public Uni<List<ReportRevision.Key>> keys(Collection<String> submissionIds) {
        return submissionIds.isEmpty() ? Uni.createFrom().item(List.of())
                : Panache.getSession().flatMap(s -> s.createSelectionQuery(
                                "select r.key from ReportRevision r where r.key.submissionId in :ids", ReportRevision.Key.class)
                        .setParameter("ids", submissionIds).getResultList());
    }

    @WithSession
    public Uni<Void> persist(List<ReportRevision> revisions) {
        return ReportRevision.persist(revisions);
    }

    /** Every version of a report, oldest first. */
    @WithSession
    public Uni<List<ReportRevision>> history(String reportId) {
        return ReportRevision.<ReportRevision>find("reportId = ?1 order by storedAt", reportId).list();
    }
}
