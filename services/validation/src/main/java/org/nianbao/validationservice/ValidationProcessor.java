package org.nianbao.validationservice;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.nianbao.events.EventTypes;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportValidated;
import org.nianbao.events.Topics;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.messaging.EventSender;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.StageCycle;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.validation.ReportValidator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * report-parsed → report-validated. Each report is stored, validated against the same agency's
 * previous-year report when known, and, if the agency's next year was validated before this one
 * arrived, that later report is re-validated and emitted again with a higher round.
 * The incoming record is acknowledged only after every resulting event was acknowledged by Kafka.
 * {@link CrossYearSweep} catches up, with the same re-validation, on reports this path did not reach.
 */
@ApplicationScoped
public class ValidationProcessor {
    private static final Logger LOG = Logger.getLogger(ValidationProcessor.class);
    private static final String SOURCE = "/nianbao/validation";
    private static final int SWEEP_BATCH = 50;

    @Inject
    @Channel("validated-out")
    MutinyEmitter<String> emitter;

    @Inject
    ReportValidator validator;

    private StageCycle<ReportParsed> cycle;

    @jakarta.annotation.PostConstruct
    void init() {
        cycle = StageCycle.of("validation", ReportParsed.class, EventSender.on(emitter, SOURCE));
    }

    @Incoming("parsed-in")
    public Uni<Void> consume(Message<String> incoming) {
        return cycle.consume(incoming, parsed -> Panache.withTransaction(() -> validateAndStore(parsed)));
    }

    private Uni<List<ReportValidated>> validateAndStore(ReportParsed parsed) {
        return ValidatedReport.<ValidatedReport>findById(parsed.submissionId()).flatMap(existing -> {
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
            return ValidatedReport.latest(row.agencyKey, year == null ? null : year - 1)
                    .flatMap(previous -> {
                        ReportValidated event = validate(row, previous);
                        Uni<ValidatedReport> saved = existing == null ? row.persist() : Uni.createFrom().item(row);
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
        return ValidatedReport.latest(current.agencyKey, current.year + 1).map(next -> {
            if (next == null || !CrossYear.stale(next.validatedAgainst, CrossYear.fingerprint(current))) {
                return List.<ReportValidated>of(); // none, or already validated against this very report
            }
            LOG.infof("re-validating %s (%d) now that its previous year arrived", next.submissionId, next.year);
            return List.of(revalidate(next, current));
        });
    }

    /**
     * Re-validates the given stored reports whose agency's latest previous year is still not the one they were
     * validated against (the cross-year sweep), a batch per transaction; each batch's report-validated events
     * are acknowledged by Kafka before it commits, so a failed batch is retried whole by the next sweep.
     * Returns how many were re-validated.
     */
    Uni<Integer> revalidateIfStale(List<String> submissionIds) {
        Uni<Integer> total = Uni.createFrom().item(0);
        for (int from = 0; from < submissionIds.size(); from += SWEEP_BATCH) {
            List<String> batch = submissionIds.subList(from, Math.min(submissionIds.size(), from + SWEEP_BATCH));
            total = total.flatMap(done -> Panache.withTransaction(() -> revalidateBatch(batch)
                    .flatMap(events -> sendAll(events).replaceWith(done + events.size()))));
        }
        return total;
    }

    private Uni<List<ReportValidated>> revalidateBatch(List<String> submissionIds) {
        List<ReportValidated> events = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String id : submissionIds) {
            chain = chain.chain(() -> ValidatedReport.<ValidatedReport>findById(id, LockModeType.PESSIMISTIC_WRITE))
                    .chain(row -> row == null ? Uni.createFrom().voidItem()
                            : ValidatedReport.latest(row.agencyKey, row.year == null ? null : row.year - 1).invoke(previous -> {
                                if (CrossYear.stale(row.validatedAgainst, CrossYear.fingerprint(previous))) {
                                    LOG.infof("re-validating %s (%d) against the latest %d report %s", row.submissionId,
                                            row.year, previous.year, previous.submissionId);
                                    events.add(revalidate(row, previous));
                                }
                            }).replaceWithVoid());
        }
        return chain.replaceWith(events);
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

    private Uni<Void> sendAll(List<ReportValidated> events) {
        return EventSender.on(emitter, SOURCE).sendAll(events);
    }
}
