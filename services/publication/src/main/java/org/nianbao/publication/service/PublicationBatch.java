package org.nianbao.publication.service;

import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReportValidated;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Finding;
import org.nianbao.model.Severity;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.model.ReportRevision;
import org.nianbao.publication.repository.ReportCellRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What publishing a batch of validated versions does, decided in order as if they came one at a time: each version
 * not yet stored becomes a revision, and the current report when it is newer than the current one (so of one report
 * twice in a batch, the newest wins); every version, stored before or not, gets its report-published.
 */
final class PublicationBatch {
    private final Set<ReportRevision.Key> known;
    private final Map<String, PublishedReport> current = new HashMap<>();
    /** The stored reports as the roll-ups hold them, before the batch changes their rows. */
    private final Map<String, ReportCellRepository.Previous> stored = new HashMap<>();
    private final List<PublishedReport> added = new ArrayList<>();
    private final Map<String, ReportCellRepository.Version> replaced = new TreeMap<>();
    private final List<ReportRevision> revisions = new ArrayList<>();
    private final List<ReportPublished> published = new ArrayList<>();

    /** A batch publishing over the versions already stored ({@code known}) and the current reports it may replace. */
    PublicationBatch(Collection<ReportRevision.Key> known, Collection<PublishedReport> current) {
        this.known = new HashSet<>(known);
        current.forEach(r -> {
            this.current.put(r.id, r);
            stored.put(r.id, ReportCellRepository.Previous.of(r));
        });
    }

    /** The next version of the batch. */
    void publish(ReportValidated e, Instant now) {
        String reportId = PublishedReport.idFor(e.agencyKey(), e.metadata().year(), e.submissionId());
        if (known.add(new ReportRevision.Key(e.submissionId(), e.validationRound()))) {
            store(e, reportId, now);
        }
        published.add(ReportPublished.of(e, reportId, now));
    }

    private void store(ReportValidated e, String reportId, Instant now) {
        String model = PipelineEvents.toJson(e.report());
        String findings = PipelineEvents.toJson(e.findings());
        PublishedReport report = current.get(reportId);
        if (report == null || report.olderThan(e.revision(), e.validationRound())) {
            if (report == null) {
                report = new PublishedReport();
                current.put(reportId, report);
                added.add(report);
            }
            apply(report, reportId, e, model, findings, now);
            replaced.put(reportId, new ReportCellRepository.Version(report, e.report(), e.findings(), stored.get(reportId)));
        }
        ReportRevision revision = new ReportRevision();
        revision.key = new ReportRevision.Key(e.submissionId(), e.validationRound());
        revision.reportId = reportId;
        revision.revision = e.revision();
        revision.model = model;
        revision.findings = findings;
        revision.errorCount = count(e.findings(), Severity.ERROR);
        revision.warningCount = count(e.findings(), Severity.WARNING);
        revision.storedAt = now;
        revisions.add(revision);
    }

    /** The reports the batch publishes for the first time. */
    List<PublishedReport> added() {
        return added;
    }

    /** The reports whose current version the batch replaced (their newest version of the batch), in id order. */
    List<ReportCellRepository.Version> replaced() {
        return List.copyOf(replaced.values());
    }

    /** The versions stored for the first time. */
    List<ReportRevision> revisions() {
        return revisions;
    }

    /** One report-published per version, in the batch's order. */
    List<ReportPublished> published() {
        return published;
    }

    private static void apply(PublishedReport r, String id, ReportValidated e, String model, String findings, Instant now) {
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
        CellExport.fill(r, e.report());
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
