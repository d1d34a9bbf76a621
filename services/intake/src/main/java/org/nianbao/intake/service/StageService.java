package org.nianbao.intake.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.nianbao.events.PipelineEvent;
import org.nianbao.events.ReportHeld;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReportValidated;
import org.nianbao.intake.model.Stage;
import org.nianbao.intake.model.Submission;
import org.nianbao.intake.model.SubmissionEvent;
import org.nianbao.intake.model.SubmissionProgress;
import org.nianbao.intake.repository.SubmissionRepository;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Follows each submission through the pipeline: each downstream event or dead letter is recorded in the
 * submission's history and applied only if it is progress ({@link SubmissionProgress}), in one transaction with
 * the webhook call it decides (delivered later, outside any transaction). Intake's tracking causes no events.
 */
@ApplicationScoped
public class StageService {
    private static final Logger LOG = Logger.getLogger(StageService.class);

    @Inject
    SubmissionRepository submissions;

    @Inject
    WebhookService webhooks;

    /** A dead letter: the original event's id and type, the stage whose failure it reports, and why. */
    public record DeadLetter(String eventId, String eventType, String submissionId, Stage blocked, Integer validationRound,
                             String reason, Instant at) {
    }

    /** One fact about a submission: its history entry (id, type, stage, round, time) and how it may change it. */
    private record Fact(String eventId, String type, String submissionId, Stage stage, Integer round, Instant at,
                        Function<Submission, SubmissionProgress.Change> decide) {
    }

    /** Extraction read these documents. */
    @WithTransaction
    public Uni<List<PipelineEvent>> parsed(List<ReportParsed> events) {
        return track(events.stream().map(StageService::fact).toList());
    }

    /** Validation rounds of these submissions. */
    @WithTransaction
    public Uni<List<PipelineEvent>> validated(List<ReportValidated> events) {
        return track(events.stream().map(StageService::fact).toList());
    }

    /** Publication stored these rounds ({@link ReportPublished}) or held them for review ({@link ReportHeld}). */
    @WithTransaction
    public Uni<List<PipelineEvent>> published(List<? extends PipelineEvent> events) {
        return track(events.stream().map(e -> e instanceof ReportHeld held ? fact(held) : fact((ReportPublished) e)).toList());
    }

    /** The other services' dead letters. */
    @WithTransaction
    public Uni<List<PipelineEvent>> deadLetters(List<DeadLetter> letters) {
        return track(letters.stream().map(StageService::fact).toList());
    }

    private static Fact fact(ReportParsed e) {
        return new Fact(e.eventId(), e.eventType(), e.submissionId(), Stage.PARSED, null, at(e.parsedAt()), s -> {
            SubmissionProgress.Change change = SubmissionProgress.parsed(s, at(e.parsedAt()));
            if (change.applied() && e.metadata() != null) {
                // What the document told of itself completes what the platform left out.
                if (s.year == null) {
                    s.year = e.metadata().year();
                }
                if (s.agency == null) {
                    s.agency = e.metadata().agency();
                }
            }
            return change;
        });
    }

    private static Fact fact(ReportValidated e) {
        return new Fact(e.eventId(), e.eventType(), e.submissionId(), Stage.VALIDATED, e.validationRound(), at(e.validatedAt()),
                s -> SubmissionProgress.validated(s, e.validationRound(), PipelineEvents.toJson(e.findings()),
                        e.count(Severity.ERROR), e.count(Severity.WARNING), at(e.validatedAt())));
    }

    private static Fact fact(ReportPublished e) {
        return new Fact(e.eventId(), e.eventType(), e.submissionId(), Stage.PUBLISHED, e.validationRound(), at(e.publishedAt()),
                s -> SubmissionProgress.published(s, e.validationRound(), e.reportId(), e.errors(), e.warnings(), at(e.publishedAt())));
    }

    private static Fact fact(ReportHeld e) {
        return new Fact(e.eventId(), e.eventType(), e.submissionId(), Stage.IN_REVIEW, e.validationRound(), at(e.heldAt()),
                s -> SubmissionProgress.held(s, e.validationRound(), at(e.heldAt())));
    }

    /** Recorded under the stage that failed: /ops/v1/pipeline counts the dead letters still waiting by it. */
    private static Fact fact(DeadLetter d) {
        return new Fact(d.eventId(), "dead-letter:" + d.eventType(), d.submissionId(), d.blocked(), d.validationRound(), d.at(), s -> {
            LOG.infof("submission %s: dead letter of %s: %s", d.submissionId(), d.blocked(), d.reason());
            return SubmissionProgress.failed(s, d.blocked(), d.validationRound(), d.reason(), d.at());
        });
    }

    /**
     * Applies the facts in their order, in the calling transaction: the batch's submissions are loaded and locked
     * with one query (in id order, as every such transaction locks them), each fact is decided on the submission as
     * the facts before it left it, and the history entries and the webhook calls decided are written with one
     * statement each. A fact about an unknown submission is logged and skipped; facts already recorded (a
     * redelivered batch) change nothing, for {@link SubmissionProgress} ignores what is not progress.
     */
    private Uni<List<PipelineEvent>> track(List<Fact> facts) {
        List<String> ids = facts.stream().map(Fact::submissionId).distinct().sorted().toList();
        return submissions.findForUpdate(ids).flatMap(found -> {
            Map<String, Submission> byId = new HashMap<>();
            found.forEach(s -> byId.put(s.id, s));
            List<SubmissionEvent> history = new ArrayList<>(facts.size());
            List<WebhookService.Decision> decisions = new ArrayList<>();
            for (Fact f : facts) {
                Submission s = byId.get(f.submissionId());
                if (s == null) {
                    LOG.warnf("%s for unknown submission %s", f.type(), f.submissionId());
                    continue;
                }
                SubmissionProgress.Change change = f.decide().apply(s);
                LOG.debugf("submission %s: %s %s: %s", f.submissionId(), f.type(), change.applied() ? "applied" : "not applied", change.detail());
                history.add(SubmissionEvent.of(f.eventId(), f.submissionId(), f.type(), f.stage(), f.round(), f.at(),
                        change.applied(), change.detail()));
                if (change.decision() != null) {
                    decisions.add(WebhookService.Decision.of(s, change.decision()));
                }
            }
            return submissions.record(history).chain(() -> webhooks.enqueue(decisions)).map(x -> List.<PipelineEvent>of());
        });
    }

    private static Instant at(Instant at) {
        return at == null ? Instant.now() : at;
    }
}
