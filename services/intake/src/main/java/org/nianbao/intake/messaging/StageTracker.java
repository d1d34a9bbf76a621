package org.nianbao.intake.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.nianbao.intake.webhook.WebhookService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.nianbao.events.Headers;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReportValidated;
import org.nianbao.intake.model.Stage;
import org.nianbao.intake.model.Submission;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Severity;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Follows each submission through the pipeline by consuming the downstream events and the other
 * services' dead-letter topics. Stages only move forward, so redelivered events change nothing.
 */
@ApplicationScoped
public class StageTracker {
    private static final Logger LOG = Logger.getLogger(StageTracker.class);

    @Inject
    WebhookService webhooks;

    @Incoming("parsed-in")
    @WithTransaction
    public Uni<Void> parsed(String json) {
        ReportParsed e = PipelineEvents.read(json, ReportParsed.class);
        return advance(e.submissionId(), Stage.PARSED, e.parsedAt(), s -> {
            if (s.year == null && e.report() != null) {
                s.year = e.report().year;
            }
            if (s.agency == null && e.report() != null) {
                s.agency = e.report().agency;
            }
        });
    }

    @Incoming("validated-in")
    @WithTransaction
    public Uni<Void> validated(String json) {
        ReportValidated e = PipelineEvents.read(json, ReportValidated.class);
        return advance(e.submissionId(), Stage.VALIDATED, e.validatedAt(), s -> recordFindings(s, e));
    }

    @Incoming("published-in")
    @WithTransaction
    public Uni<Void> published(String json) {
        ReportPublished e = PipelineEvents.read(json, ReportPublished.class);
        return advance(e.submissionId(), Stage.PUBLISHED, e.publishedAt(), s -> {
            s.reportId = e.reportId();
            s.errorCount = e.errors();
            s.warningCount = e.warnings();
        });
    }

    /** Records from the other services' dead-letter topics: the submission failed, with the reason. */
    @Incoming("failures-in")
    public Uni<Void> failed(Message<String> message) {
        String submissionId = PipelineEvents.header(message, Headers.SUBMISSION_ID).orElse("");
        String reason = PipelineEvents.header(message, Headers.DLQ_REASON).orElse("unknown failure");
        if (submissionId.isEmpty()) {
            LOG.warnf("dead letter without submission id: %s", reason);
            return Uni.createFrom().completionStage(message.ack());
        }
        return Panache.withTransaction(() -> advance(submissionId, Stage.FAILED, Instant.now(), s -> s.failureReason = reason))
                .onItemOrFailure().transformToUni((x, e) -> Uni.createFrom().completionStage(e == null ? message.ack() : message.nack(e)));
    }

    /**
     * Applies an event to a submission; reaching PUBLISHED or FAILED records the platform's webhook call.
     * The row is locked: the channels run concurrently, and a backlog (after a restart, or a replay) delivers a
     * submission's parsed, validated and published events at once, which must not overwrite each other.
     */
    private Uni<Void> advance(String submissionId, Stage stage, Instant at, Consumer<Submission> update) {
        return Submission.<Submission>findById(submissionId, LockModeType.PESSIMISTIC_WRITE).flatMap(s -> {
            if (s == null) {
                LOG.warnf("%s event for unknown submission %s", stage, submissionId);
                return Uni.createFrom().voidItem();
            }
            update.accept(s);
            boolean moved = s.advance(stage, at == null ? Instant.now() : at);
            return moved && (stage == Stage.PUBLISHED || stage == Stage.FAILED) ? webhooks.enqueue(s) : Uni.createFrom().voidItem();
        });
    }

    private static void recordFindings(Submission s, ReportValidated e) {
        s.findings = PipelineEvents.toJson(e.findings());
        s.errorCount = (int) e.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        s.warningCount = (int) e.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
    }
}
