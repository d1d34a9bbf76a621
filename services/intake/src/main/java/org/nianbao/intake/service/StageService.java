package org.nianbao.intake.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.nianbao.events.PipelineEvent;
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
import java.util.List;
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

    @WithTransaction
    public Uni<List<PipelineEvent>> parsed(ReportParsed e) {
        return track(e.eventId(), e.eventType(), e.submissionId(), Stage.PARSED, null, at(e.parsedAt()), s -> {
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

    @WithTransaction
    public Uni<List<PipelineEvent>> validated(ReportValidated e) {
        return track(e.eventId(), e.eventType(), e.submissionId(), Stage.VALIDATED, e.validationRound(), at(e.validatedAt()),
                s -> SubmissionProgress.validated(s, e.validationRound(), PipelineEvents.toJson(e.findings()),
                        e.count(Severity.ERROR), e.count(Severity.WARNING), at(e.validatedAt())));
    }

    @WithTransaction
    public Uni<List<PipelineEvent>> published(ReportPublished e) {
        return track(e.eventId(), e.eventType(), e.submissionId(), Stage.PUBLISHED, e.validationRound(), at(e.publishedAt()),
                s -> SubmissionProgress.published(s, e.validationRound(), e.reportId(), e.errors(), e.warnings(), at(e.publishedAt())));
    }

    @WithTransaction
    public Uni<List<PipelineEvent>> deadLetter(DeadLetter d) {
        // Recorded under the stage that failed: /ops/v1/pipeline counts the dead letters still waiting by it.
        return track(d.eventId(), "dead-letter:" + d.eventType(), d.submissionId(), d.blocked(), d.validationRound(), d.at(),
                s -> SubmissionProgress.failed(s, d.blocked(), d.validationRound(), d.reason(), d.at()))
                .invoke(x -> LOG.infof("submission %s: dead letter of %s: %s", d.submissionId(), d.blocked(), d.reason()));
    }

    private Uni<List<PipelineEvent>> track(String eventId, String type, String submissionId, Stage stage, Integer round,
                                           Instant at, Function<Submission, SubmissionProgress.Change> decide) {
        return submissions.findForUpdate(submissionId).flatMap(s -> {
            if (s == null) {
                LOG.warnf("%s for unknown submission %s", type, submissionId);
                return Uni.createFrom().item(List.<PipelineEvent>of());
            }
            SubmissionProgress.Change change = decide.apply(s);
            LOG.debugf("submission %s: %s %s: %s", submissionId, type, change.applied() ? "applied" : "not applied", change.detail());
            Uni<Void> webhook = change.decision() == null ? Uni.createFrom().voidItem() : webhooks.enqueue(s, change.decision());
            return submissions.record(SubmissionEvent.of(eventId, submissionId, type, stage, round, at, change.applied(), change.detail()))
                    .chain(() -> webhook).map(x -> List.<PipelineEvent>of());
        });
    }

    private static Instant at(Instant at) {
        return at == null ? Instant.now() : at;
    }
}
