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
import java.util.List;

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
     * Stores a parsed report and validates it; returns its report-validated event and, when the agency's next
     * year must be validated again against it, that report's too. Idempotent, as the stage cycle retries it: the
     * same event again gives the same round and the same events (a changed report gives the next round).
     */
    @WithTransaction
    public Uni<List<ReportValidated>> validate(ReportParsed parsed) {
        return reports.bySubmission(parsed.submissionId()).flatMap(existing -> {
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
            Integer year = row.year;
            return reports.latest(row.agencyKey, year == null ? null : year - 1)
                    .flatMap(previous -> {
                        ReportValidated event = validate(row, previous);
                        Uni<ValidatedReport> saved = existing == null ? reports.add(row) : Uni.createFrom().item(row);
                        return saved.flatMap(x -> revalidateNextYear(row)).map(next -> {
                            List<ReportValidated> events = new ArrayList<>();
                            events.add(event);
                            events.addAll(next);
                            return events;
                        });
                    });
        });
    }

    /** Re-validates the agency's next-year report, if stored and not yet validated against this year as it now reads. */
    private Uni<List<ReportValidated>> revalidateNextYear(ValidatedReport current) {
        if (current.year == null) {
            return Uni.createFrom().item(List.of());
        }
        return reports.latest(current.agencyKey, current.year + 1).map(next -> {
            if (next == null || !CrossYear.stale(next.validatedAgainst, CrossYear.fingerprint(current))) {
                return List.<ReportValidated>of(); // none, or already validated against this very report
            }
            LOG.infof("re-validating %s (%d) now that its previous year arrived", next.submissionId, next.year);
            return List.of(revalidate(next, current));
        });
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
        return validate(row, previous);
    }

    private ReportValidated validate(ValidatedReport row, ValidatedReport previous) {
        Report report = PipelineEvents.read(row.report, Report.class);
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
