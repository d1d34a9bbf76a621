package org.nianbao.publication.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReportValidated;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.model.ReportRevision;
import org.nianbao.publication.repository.PublishedReportRepository;
import org.nianbao.publication.repository.ReportCellRepository;
import org.nianbao.publication.repository.ReportRevisionRepository;

import java.time.Instant;
import java.util.List;

/**
 * Publishes validated reports. Every version (a submission's round) is kept; the newest revision, then the newest
 * round, is the current report, whose cells and findings are stored beside it in the same transaction. Idempotent: a
 * version already stored (same submission and round) is not stored again, but its report-published is sent again
 * (same event id), which intake ignores if it already knew it. Reports with errors are published too, marked by
 * their error count.
 */
@ApplicationScoped
public class PublicationService {
    private static final Logger LOG = Logger.getLogger(PublicationService.class);

    @Inject
    PublishedReportRepository reports;
    @Inject
    ReportRevisionRepository revisions;
    @Inject
    ReportCellRepository cells;

    /** Stores a validated version; returns the report-published it causes. */
    @WithTransaction
    public Uni<List<ReportPublished>> publish(ReportValidated e) {
        String reportId = PublishedReport.idFor(e.agencyKey(), e.metadata().year(), e.submissionId());
        ReportRevision.Key key = new ReportRevision.Key(e.submissionId(), e.validationRound());
        return revisions.find(key).flatMap(known -> reports.find(reportId).flatMap(current -> {
                    if (known != null) {
                        LOG.debugf("version %s round %d already published", e.submissionId(), e.validationRound());
                        return Uni.createFrom().voidItem();
                    }
                    return store(e, reportId, key, current);
                }))
                .map(stored -> List.of(ReportPublished.of(e, reportId, Instant.now())));
    }

    private Uni<Void> store(ReportValidated e, String reportId, ReportRevision.Key key, PublishedReport current) {
        String model = PipelineEvents.toJson(e.report());
        String findings = PipelineEvents.toJson(e.findings());
        boolean newest = current == null || current.olderThan(e.revision(), e.validationRound());
        Uni<Void> report = Uni.createFrom().voidItem();
        if (newest) {
            PublishedReport r = current != null ? current : new PublishedReport();
            apply(r, reportId, e, model, findings);
            report = reports.save(r, current == null).call(saved -> cells.store(saved, e.report(), e.findings())).replaceWithVoid();
        }
        ReportRevision revision = new ReportRevision();
        revision.key = key;
        revision.reportId = reportId;
        revision.revision = e.revision();
        revision.model = model;
        revision.findings = findings;
        revision.errorCount = count(e.findings(), Severity.ERROR);
        revision.warningCount = count(e.findings(), Severity.WARNING);
        revision.storedAt = Instant.now();
        return report.call(() -> revisions.persist(revision)).replaceWithVoid();
    }

    /**
     * Stores the cells and findings of the reports published before they were kept apart (schema V1), the next
     * {@code limit} after {@code afterId} in id order; returns the ids it filled (none: all are filled).
     */
    @WithTransaction
    public Uni<List<String>> backfillCells(String afterId, int limit) {
        return reports.withoutCells(afterId, limit).call(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PublishedReport r : list) {
                chain = chain.call(() -> cells.store(r, PipelineEvents.read(r.model, Report.class),
                        List.of(PipelineEvents.read(r.findings, Finding[].class))));
            }
            return chain;
        }).map(list -> list.stream().map(r -> r.id).toList());
    }

    private static void apply(PublishedReport r, String id, ReportValidated e, String model, String findings) {
        Instant now = Instant.now();
        r.id = id;
        r.agencyKey = e.agencyKey();
        r.agency = e.metadata().agency();
        r.agencyCode = e.metadata().agencyCode();
        r.regionCode = e.metadata().regionCode();
        r.issuerType = e.metadata().issuerType() == null ? null : e.metadata().issuerType().code();
        r.year = e.metadata().year();
        r.format = e.report().format.json();
        r.title = e.report().title;
        r.publishedOn = e.metadata().publishedOn();
        r.sourceUrl = e.metadata().sourceUrl();
        r.submissionId = e.submissionId();
        r.revision = e.revision();
        r.validationRound = e.validationRound();
        r.model = model;
        r.findings = findings;
        r.errorCount = count(e.findings(), Severity.ERROR);
        r.warningCount = count(e.findings(), Severity.WARNING);
        r.infoCount = count(e.findings(), Severity.INFO);
        r.problemCount = e.report().extraction.problems.size();
        if (r.createdAt == null) {
            r.createdAt = now;
        }
        r.updatedAt = now;
    }

    private static int count(List<Finding> findings, Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }
}
