package org.nianbao.publication.repository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.publication.model.FindingDecision;
import org.nianbao.publication.model.RegisteredReviewer;
import org.nianbao.publication.model.ReviewHold;

import java.util.Collection;
import java.util.List;

/** The review tables: versions held for review, reviewers' decisions on findings, and the registered reviewers. */
@ApplicationScoped
public class ReviewRepository {

    /** The holds of these submissions. */
    @WithSession
    public Uni<List<ReviewHold>> holds(Collection<String> submissionIds) {
        return submissionIds.isEmpty() ? Uni.createFrom().item(List.of())
                : ReviewHold.<ReviewHold>find("submissionId in ?1", submissionIds).list();
    }

    /** A report's held versions, oldest first. */
    @WithSession
    public Uni<List<ReviewHold>> holdsOf(String reportId) {
        return ReviewHold.<ReviewHold>find("reportId = ?1 order by revision, validationRound", reportId).list();
    }

    /** The held versions of a region (code prefix) that wait for a reviewer, oldest first; {@code year} null for any. */
    @WithSession
    public Uni<List<ReviewHold>> awaiting(String regionPrefix, Integer year) {
        String where = "(approvedRound is null or approvedRound < validationRound) and coalesce(regionCode, '') like ?1"
                + (year == null ? "" : " and year = ?2") + " order by heldAt, submissionId";
        return year == null ? ReviewHold.<ReviewHold>find(where, regionPrefix + "%").list()
                : ReviewHold.<ReviewHold>find(where, regionPrefix + "%", year).list();
    }

    @WithSession
    public Uni<Void> persist(List<ReviewHold> holds) {
        return ReviewHold.persist(holds);
    }

    @WithSession
    public Uni<Void> delete(List<ReviewHold> holds) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReviewHold h : holds) {
            chain = chain.call(h::delete);
        }
        return chain;
    }

    /** The decisions taken on a report's findings. */
    @WithSession
    public Uni<List<FindingDecision>> decisions(String reportId) {
        return FindingDecision.<FindingDecision>find("key.reportId = ?1", reportId).list();
    }

    /** The confirmed findings of a region's reports of a year, by agency and report. */
    @WithSession
    public Uni<List<FindingDecision>> confirmed(String regionPrefix, int year) {
        return FindingDecision.<FindingDecision>find("decision = 'CONFIRMED' and coalesce(regionCode, '') like ?1 and year = ?2"
                + " order by agency, key.reportId, decidedAt", regionPrefix + "%", year).list();
    }

    @WithSession
    public Uni<FindingDecision> decision(FindingDecision.Key key) {
        return FindingDecision.findById(key);
    }

    @WithSession
    public Uni<RegisteredReviewer> reviewerByTokenHash(String hash) {
        return RegisteredReviewer.find("tokenHash", hash).firstResult();
    }

    @WithSession
    public Uni<RegisteredReviewer> reviewer(String name) {
        return RegisteredReviewer.findById(name);
    }

    @WithSession
    public Uni<List<RegisteredReviewer>> reviewers() {
        return RegisteredReviewer.<RegisteredReviewer>find("order by name").list();
    }
}
