package org.nianbao.intake.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nianbao.events.AgencyKey;
import org.nianbao.events.EventTypes;
import org.nianbao.events.ReportSubmitted;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.events.Topics;
import org.nianbao.extraction.DocumentLimits;
import org.nianbao.intake.model.OutboxEvent;
import org.nianbao.intake.model.Platform;
import org.nianbao.intake.model.Stage;
import org.nianbao.intake.model.Submission;
import org.nianbao.intake.model.SubmissionDocument;
import org.nianbao.intake.rest.ProblemException;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.TraceContext;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Stores a submission, its document and its report-submitted event in one transaction (the outbox);
 * {@link org.nianbao.intake.messaging.OutboxRelay} sends the event once the transaction committed.
 */
@ApplicationScoped
public class SubmissionService {

    @ConfigProperty(name = "nianbao.document-base-url")
    String documentBaseUrl;

    @Inject
    Vertx vertx;

    private final DocumentLimits limits = DocumentLimits.from(
            name -> ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(null));

    /** The stored submission and whether it is new (false: the same document was already submitted). */
    public record Outcome(Submission submission, boolean created) {
    }

    /** Checks the input (a ProblemException says what to fix) and stores it; nothing is stored on failure. */
    public Uni<Outcome> submit(Platform platform, SubmissionInput input) {
        String type = DocumentCheck.check(input.content(), input.fileName());
        SubmissionMetadata meta = input.metadata();
        if (!platform.covers(meta.regionCode())) {
            throw new ProblemException(403, "Forbidden", "Platform '" + platform.id
                    + "' may only submit for agencies of region " + platform.regionPrefix + "*; this submission names region "
                    + (meta.regionCode() == null ? "none (set regionCode)" : meta.regionCode()) + ".");
        }
        String sha = AgencyKey.sha256(input.content());
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
                    DocumentCheck.readable(input.content(), type, limits);
                    return type;
                }))
                .flatMap(checked -> Panache.withTransaction(() -> store(platform, input, meta, sha, type)));
    }

    private Uni<Outcome> store(Platform platform, SubmissionInput input, SubmissionMetadata meta, String sha, String type) {
        Uni<Submission> sameRequest = input.idempotencyKey() == null ? Uni.createFrom().nullItem()
                : Submission.<Submission>find("platformId = ?1 and idempotencyKey = ?2", platform.id, input.idempotencyKey())
                .firstResult();
        return sameRequest.flatMap(previous -> previous != null
                ? Uni.createFrom().item(new Outcome(previous, false))
                : Submission.<Submission>find("platformId = ?1 and sha256 = ?2 order by receivedAt desc", platform.id, sha)
                .list()
                .flatMap(sameDocument -> sameDocument.stream()
                        .filter(s -> sameReport(s, meta)).findFirst()
                        .map(s -> Uni.createFrom().item(new Outcome(s, false)))
                        .orElseGet(() -> create(platform, input, meta, sha, type))));
    }

    private static boolean sameReport(Submission s, SubmissionMetadata meta) {
        return java.util.Objects.equals(s.agency, meta.agency()) && java.util.Objects.equals(s.agencyCode, meta.agencyCode())
                && java.util.Objects.equals(s.year, meta.year());
    }

    private Uni<Outcome> create(Platform platform, SubmissionInput input, SubmissionMetadata meta, String sha, String type) {
        Submission s = new Submission();
        s.id = UUID.randomUUID().toString();
        s.platformId = platform.id;
        s.agency = meta.agency();
        s.agencyCode = meta.agencyCode();
        s.regionCode = meta.regionCode();
        s.issuerType = meta.issuerType();
        s.year = meta.year();
        s.publishedOn = meta.publishedOn();
        s.sourceUrl = meta.sourceUrl();
        s.agencyKey = meta.agency() == null && meta.agencyCode() == null
                ? "submission:" + s.id : AgencyKey.of(meta.agencyCode(), meta.agency());
        s.idempotencyKey = input.idempotencyKey();
        s.fileName = input.fileName();
        s.contentType = input.contentType() != null ? input.contentType() : type;
        s.sizeBytes = input.content().length;
        s.sha256 = sha;
        s.status = Stage.RECEIVED;
        s.receivedAt = Instant.now();
        Uni<Integer> revision = meta.agency() == null && meta.agencyCode() == null || meta.year() == null
                ? Uni.createFrom().item(1)
                : Submission.count("agencyKey = ?1 and year = ?2", s.agencyKey, meta.year()).map(n -> n.intValue() + 1);
        return revision.flatMap(rev -> {
            s.revision = rev;
            SubmissionDocument doc = new SubmissionDocument();
            doc.submissionId = s.id;
            doc.content = input.content();
            return s.persist().chain(doc::persist).chain(() -> outbox(s).persist())
                    .map(x -> new Outcome(s, true));
        });
    }

    /**
     * The report-submitted event of a submission, as an outbox row (also used to replay a submission), with the
     * trace context of the current request, so the event is sent later as part of its trace.
     */
    public OutboxEvent outbox(Submission s) {
        String eventId = "submitted:" + s.id + ":" + UUID.randomUUID();
        ReportSubmitted event = new ReportSubmitted(eventId, s.id, s.revision, s.agencyKey, s.platformId,
                new SubmissionMetadata(s.agency, s.agencyCode, s.regionCode, s.issuerType, s.year, s.publishedOn, s.sourceUrl),
                new ReportSubmitted.DocumentRef(s.fileName, s.contentType, s.sizeBytes, s.sha256,
                        documentBaseUrl + "/internal/v1/documents/" + s.id),
                s.receivedAt);
        OutboxEvent row = new OutboxEvent();
        row.id = eventId;
        row.topic = Topics.REPORT_SUBMITTED;
        row.eventKey = s.agencyKey;
        row.eventType = EventTypes.SUBMITTED;
        row.submissionId = s.id;
        row.payload = PipelineEvents.toJson(event);
        row.createdAt = Instant.now();
        Map<String, String> trace = TraceContext.current();
        row.traceparent = trace.get(TraceContext.TRACEPARENT);
        row.tracestate = trace.get(TraceContext.TRACESTATE);
        return row;
    }
}
