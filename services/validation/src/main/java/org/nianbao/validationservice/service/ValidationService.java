package org.nianbao.validationservice.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportValidated;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.messaging.EventSender;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.validation.ReportValidator;
import org.nianbao.validationservice.model.ValidatedReport;
import org.nianbao.validationservice.repository.ValidatedReportRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validation's decisions. Each parsed report is stored and validated against the same agency's previous-year
 * report when known; if the agency's next year was validated before this one arrived (and not against it as it
 * now reads), that later report is re-validated too, with a higher round. The cross-year sweep catches up, with
 * the same re-validation, on reports this path did not reach. Every public method is one transaction.
 */
@ApplicationScoped
public class ValidationService {
    private static final Logger LOG = Logger.getLogger(ValidationService.class);

    @Inject
    ValidatedReportRepository reports;

    @Inject
    ReportValidator validator;

    /**
     * Stores a batch of parsed reports and validates them, in order and in one transaction; returns, for each, its
     * report-validated event and, when the agency's next year must be validated again against it, that report's
     * too. Idempotent, as the stage cycle retries it: the same events again give the same rounds and the same events
     * (a changed report gives the next round). An event sees the reports stored by the batch's earlier ones.
     */
    @WithTransaction
    public Uni<List<ReportValidated>> validate(List<ReportParsed> batch) {
        Set<String> agencies = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        for (ReportParsed parsed : batch) {
            Integer year = parsed.metadata().year();
            if (CrossYear.comparable(parsed.agencyKey(), year)) {
                agencies.add(parsed.agencyKey());
                years.addAll(List.of(year - 1, year + 1));
            }
        }
        return reports.bySubmissions(batch.stream().map(ReportParsed::submissionId).collect(Collectors.toSet()))
                .flatMap(stored -> reports.ofAgencies(agencies, years).map(neighbours -> {
                    KnownReports known = new KnownReports(stored);
                    neighbours.forEach(known::add);
                    return known;
                }))
                .flatMap(known -> {
                    List<ReportValidated> events = new ArrayList<>();
                    List<ValidatedReport> added = new ArrayList<>();
                    for (ReportParsed parsed : batch) {
                        events.addAll(validate(parsed, known, added));
                    }
                    return reports.add(added).replaceWith(events);
                });
    }

    /** One event of a batch: stores its report (new ones in {@code added}) and validates it, and its next year if needed. */
    private List<ReportValidated> validate(ReportParsed parsed, KnownReports known, List<ValidatedReport> added) {
        ValidatedReport existing = known.bySubmission(parsed.submissionId());
        ValidatedReport row = existing != null ? existing : new ValidatedReport();
        String reportJson = PipelineEvents.toJson(parsed.report());
        boolean changed = existing == null || !reportJson.equals(existing.report);
        row.submissionId = parsed.submissionId();
        row.agencyKey = parsed.agencyKey();
        row.year = parsed.metadata().year();
        row.revision = parsed.revision();
        row.metadata = PipelineEvents.toJson(parsed.metadata());
        row.report = reportJson;
        row.validationRound = existing == null ? 1 : existing.validationRound + (changed ? 1 : 0);
        if (row.receivedAt == null) {
            row.receivedAt = Instant.now();
        }
        if (existing == null) {
            known.add(row);
            added.add(row);
        }
        List<ReportValidated> events = new ArrayList<>();
        events.add(validate(row, parsed.report(), known.latest(row.agencyKey, row.year == null ? null : row.year - 1)));
        ValidatedReport next = row.year == null ? null : known.latest(row.agencyKey, row.year + 1);
        // re-validates the agency's next year, if stored and not yet validated against this year as it now reads
        if (next != null && CrossYear.stale(next.validatedAgainst, CrossYear.fingerprint(row))) {
            LOG.infof("re-validating %s (%d) now that its previous year arrived", next.submissionId, next.year);
            events.add(revalidate(next, row));
        }
        return events;
    }

    /** The sweep's selection: how many reports were compared, and those not validated against their latest previous year. */
    public Uni<Stale> stale() {
        return reports.stored().map(stored -> new Stale(stored.size(), CrossYear.stale(stored)));
    }

    /** What {@link #stale()} found: reports compared, and the submissions to re-validate (by agency and year). */
    public record Stale(int checked, List<String> submissionIds) {
    }

    /**
     * Re-validates those of the given stored reports whose agency's latest previous year is still not the one
     * they were validated against (one batch of the cross-year sweep), and sends their report-validated events
     * with {@code sender} before the transaction commits: a failed send rolls the batch back, and the next sweep
     * finds it again. Returns how many were re-validated.
     */
    @WithTransaction
    public Uni<Integer> revalidateIfStale(List<String> submissionIds, EventSender sender) {
        List<ReportValidated> events = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String id : submissionIds) {
            chain = chain.chain(() -> reports.bySubmissionForUpdate(id))
                    .chain(row -> row == null ? Uni.createFrom().voidItem()
                            : reports.latest(row.agencyKey, row.year == null ? null : row.year - 1).invoke(previous -> {
                                if (CrossYear.stale(row.validatedAgainst, CrossYear.fingerprint(previous))) {
                                    LOG.infof("re-validating %s (%d) against the latest %d report %s", row.submissionId,
                                            row.year, previous.year, previous.submissionId);
                                    events.add(revalidate(row, previous));
                                }
                            }).replaceWithVoid());
        }
        return chain.chain(() -> sender.sendAll(events)).replaceWith(events::size);
    }

    /** A new validation round of a stored report against {@code previous}. */
    private ReportValidated revalidate(ValidatedReport row, ValidatedReport previous) {
        row.validationRound++;
        return validate(row, PipelineEvents.read(row.report, Report.class), previous);
    }

    /** Validates a stored report ({@code row}, whose model is {@code report}) against {@code previous}. */
    private ReportValidated validate(ValidatedReport row, Report report, ValidatedReport previous) {
        SubmissionMetadata metadata = PipelineEvents.read(row.metadata, SubmissionMetadata.class);
        Report previousReport = previous == null ? null : PipelineEvents.read(previous.report, Report.class);
        List<Finding> findings = validator.validate(report, metadata, previousReport);
        row.findings = PipelineEvents.toJson(findings);
        row.validatedAgainst = CrossYear.fingerprint(previous);
        row.validatedAt = Instant.now();
        return ReportValidated.of(row.submissionId, row.revision, row.agencyKey, metadata, report, findings,
                row.validationRound, row.validatedAt);
    }
}
