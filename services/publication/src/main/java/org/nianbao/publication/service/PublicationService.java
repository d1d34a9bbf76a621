package org.nianbao.publication.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.nianbao.events.PipelineEvent;
import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReviewPolicy;
import org.nianbao.events.ReportValidated;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.repository.PublishedReportRepository;
import org.nianbao.publication.repository.ReportCellRepository;
import org.nianbao.publication.repository.ReportRevisionRepository;
import org.nianbao.publication.repository.ReviewRepository;

import java.time.Instant;
import java.util.List;

/**
 * Publishes validated reports, or holds them for review where their platform reviews first. Every version (a submission's round) is kept; the newest revision, then the newest
 * round, is the current report, whose cells and findings are stored beside it in the same transaction. Idempotent: a
 * version already stored (same submission and round) is not stored again, but its report-published is sent again
 * (same event id), which intake ignores if it already knew it. Reports with errors are published too, marked by
 * their error count.
 */
@ApplicationScoped
public class PublicationService {
    @Inject
    PublishedReportRepository reports;
    @Inject
    ReportRevisionRepository revisions;
    @Inject
    ReportCellRepository cells;
    @Inject
    ReviewRepository review;

    /**
     * Publishes a batch of validated versions, or holds those whose platform reviews first ({@link ReviewGate}), in one
     * transaction; returns the outcome of each in order: its report-published, or its report-held.
     */
    @WithTransaction
    public Uni<List<PipelineEvent>> publishOrHold(List<ReportValidated> batch) {
        List<String> reviewed = batch.stream().filter(e -> e.metadata().reviewPolicy() != ReviewPolicy.PUBLISH_AT_ONCE)
                .map(ReportValidated::submissionId).distinct().toList();
        if (reviewed.isEmpty()) {
            return publish(batch).map(List::copyOf);
        }
        return revisions.keys(reviewed).flatMap(stored -> review.holds(reviewed).map(holds -> {
                    ReviewGate gate = new ReviewGate(stored, holds);
                    batch.forEach(e -> gate.decide(e, Instant.now()));
                    return gate;
                }))
                .call(gate -> review.persist(gate.kept()))
                .call(gate -> review.delete(gate.released()))
                .flatMap(gate -> publish(gate.toPublish()).map(gate::outcomes));
    }

    /**
     * Stores validated versions as if one after the other ({@link PublicationBatch}); returns the report-published of
     * each, in order. The stored versions and current reports are read a query each (the reports locked, in id order),
     * and the replaced reports' cells and findings stored a statement each. Joins the caller's transaction, or runs in
     * one of its own.
     */
    @WithTransaction
    public Uni<List<ReportPublished>> publish(List<ReportValidated> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> submissionIds = batch.stream().map(ReportValidated::submissionId).distinct().toList();
        List<String> reportIds = batch.stream()
                .map(e -> PublishedReport.idFor(e.agencyKey(), e.metadata().year(), e.submissionId())).distinct().toList();
        return revisions.keys(submissionIds).flatMap(known -> reports.forUpdate(reportIds).map(current -> {
                    PublicationBatch publications = new PublicationBatch(known, current);
                    batch.forEach(e -> publications.publish(e, Instant.now()));
                    return publications;
                }))
                .call(publications -> reports.save(publications.added()))
                .call(publications -> cells.store(publications.replaced()))
                .call(publications -> revisions.persist(publications.revisions()))
                .map(PublicationBatch::published);
    }

    /**
     * Stores the cells and findings of the reports published before they were kept (schema V1; the roll-ups do not
     * hold them yet), the next
     * {@code limit} after {@code afterId} in id order; returns the ids it filled (none: all are filled).
     */
    @WithTransaction
    public Uni<List<String>> backfillCells(String afterId, int limit) {
        return reports.withoutCells(afterId, limit)
                .call(list -> cells.store(list.stream().map(r -> {
                    Report model = PipelineEvents.read(r.model, Report.class);
                    CellExport.fill(r, model);
                    return new ReportCellRepository.Version(r, model, List.of(PipelineEvents.read(r.findings, Finding[].class)), null);
                }).toList()))
                .map(list -> list.stream().map(r -> r.id).toList());
    }
}
