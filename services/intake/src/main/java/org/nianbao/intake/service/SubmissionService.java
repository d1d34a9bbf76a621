package org.nianbao.intake.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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
import org.nianbao.intake.model.SubmissionProgress;
import org.nianbao.intake.repository.SubmissionRepository;
import org.nianbao.web.ProblemException;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.TraceContext;

import java.time.Instant;
import java.time.ZoneOffset;
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
    Pool pool;

    @Inject
    SubmissionRepository submissions;

    private final DocumentLimits limits = DocumentLimits.from(
            name -> ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(null));

    /** The stored submission and whether it is new (false: the same request or document was already submitted). */
    public record Outcome(Submission submission, boolean created) {
    }

    /** A checked submission ready to store: its row (hash computed, document sniffed and opened) and its document. */
    public record Prepared(Platform platform, Submission submission, byte[] content) {
    }

    /**
     * Checks the input (a ProblemException says what to fix): its type sniffed, its SHA-256 computed, the document
     * opened within its limits. Blocking, CPU-heavy work on up to 20 MB: call it on a worker thread, never on the
     * event loop.
     */
    public Prepared prepare(Platform platform, SubmissionInput input) {
        String type = DocumentCheck.check(input.content(), input.fileName());
        SubmissionMetadata meta = input.metadata();
        if (!platform.covers(meta.regionCode())) {
            throw new ProblemException(403, "Forbidden", "Platform '" + platform.id
                    + "' may only submit for agencies of region " + platform.regionPrefix + "*; this submission names region "
                    + (meta.regionCode() == null ? "none (set regionCode)" : meta.regionCode()) + ".");
        }
        Submission s = newSubmission(platform, input, meta, type);
        DocumentCheck.readable(input.content(), type, limits);
        return new Prepared(platform, s, input.content());
    }

    /**
     * Stores a prepared submission, its document and its event in one transaction; nothing is stored on failure.
     * A report belongs to the region of its agency's first submission: only platforms covering that region may
     * submit for the agency again. Concurrent posts of one agency are serialised by a transaction-scoped advisory
     * lock (ownership, revision number); a repeated request or document is found by its unique index
     * (insert-on-conflict), so concurrent identical posts store one submission, and a request sent again after a
     * failure stores nothing twice.
     */
    public Uni<Outcome> store(Prepared prepared) {
        Submission s = prepared.submission();
        return pool.withTransaction(tx -> store(tx, prepared.platform(), s, prepared.content()))
                .flatMap(existing -> existing == null ? Uni.createFrom().item(new Outcome(s, true))
                        : submissions.find(existing).map(e -> new Outcome(e, false)));
    }

    /** Stores the submission, its document and its event; or returns the id of the submission it repeats. */
    private Uni<String> store(SqlConnection tx, Platform platform, Submission s, byte[] content) {
        boolean agencyKnown = AgencyKey.isAgency(s.agencyKey);
        Uni<Void> prepared = !agencyKnown ? Uni.createFrom().voidItem()
                : tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))").execute(Tuple.of(s.agencyKey))
                .chain(() -> tx.preparedQuery("SELECT region_code FROM submission WHERE agency_key = $1 AND region_code IS NOT NULL"
                        + " ORDER BY received_at, id LIMIT 1").execute(Tuple.of(s.agencyKey)))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null)
                .invoke(owner -> claimRegion(platform, s, owner))
                .chain(() -> s.year == null ? Uni.createFrom().item(1)
                        : tx.preparedQuery("SELECT coalesce(max(revision), 0) + 1 FROM submission WHERE agency_key = $1 AND report_year = $2")
                        .execute(Tuple.of(s.agencyKey, s.year)).map(rows -> rows.iterator().next().getInteger(0)))
                .invoke(revision -> s.revision = revision).replaceWithVoid();
        return prepared.chain(() -> tx.preparedQuery(INSERT_SUBMISSION).execute(Tuple.from(java.util.Arrays.asList(
                        s.id, s.platformId, s.agency, s.agencyCode, s.regionCode, s.issuerType, s.year, s.publishedOn, s.sourceUrl,
                        s.agencyKey, s.revision, s.idempotencyKey, s.fileName, s.contentType, s.sizeBytes, s.sha256,
                        s.status.name(), s.receivedAt.atOffset(ZoneOffset.UTC)))))
                .chain(inserted -> inserted.rowCount() == 1 ? storeDocumentAndEvent(tx, s, content) : repeated(tx, s));
    }

    private static final String INSERT_SUBMISSION = "INSERT INTO submission (id, platform_id, agency, agency_code, region_code,"
            + " issuer_type, report_year, published_on, source_url, agency_key, revision, idempotency_key, file_name, content_type,"
            + " size_bytes, sha256, status, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
            + " $16, $17, $18) ON CONFLICT DO NOTHING";

    /** The region of the agency's reports, fixed by its first submission: refused to other regions' platforms. */
    private static void claimRegion(Platform platform, Submission s, String owner) {
        if (owner == null) {
            return;
        }
        if (!platform.covers(owner)) {
            throw new ProblemException(403, "Forbidden", "Platform '" + platform.id + "' may not submit for this agency: its reports"
                    + " belong to another region's platform. Check the agency's name and 统一社会信用代码.");
        }
        if (s.regionCode == null) {
            s.regionCode = owner;
        } else if (!s.regionCode.equals(owner)) {
            throw new ProblemException(409, "Conflict", "This agency's reports are of region " + owner + " (fixed by its first"
                    + " submission), not " + s.regionCode + ": correct regionCode, or the agency if it is another one.");
        }
    }

    private Uni<String> storeDocumentAndEvent(SqlConnection tx, Submission s, byte[] content) {
        OutboxEvent event = outbox(s);
        return tx.preparedQuery("INSERT INTO submission_document (submission_id, content) VALUES ($1, $2)")
                .execute(Tuple.of(s.id, Buffer.buffer(content)))
                .chain(() -> tx.preparedQuery("INSERT INTO outbox_event (id, topic, event_key, event_type, submission_id, payload,"
                        + " created_at, traceparent, tracestate) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)").execute(Tuple.from(
                        java.util.Arrays.asList(event.id, event.topic, event.eventKey, event.eventType, event.submissionId, event.payload,
                                event.createdAt.atOffset(ZoneOffset.UTC), event.traceparent, event.tracestate))))
                .map(x -> (String) null);
    }

    /**
     * The submission a conflicting insert repeats: the one with the same Idempotency-Key (which must carry the same
     * document and metadata: 422 otherwise), else the same document for the same agency and year.
     */
    private static Uni<String> repeated(SqlConnection tx, Submission s) {
        Uni<String> byKey = s.idempotencyKey == null ? Uni.createFrom().nullItem()
                : tx.preparedQuery("SELECT id, sha256, agency, agency_code, region_code, issuer_type, report_year, published_on,"
                        + " source_url FROM submission WHERE platform_id = $1 AND idempotency_key = $2")
                .execute(Tuple.of(s.platformId, s.idempotencyKey)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    boolean same = r.getString("sha256").equals(s.sha256) && java.util.Objects.equals(metadata(s), new SubmissionMetadata(
                            r.getString("agency"), r.getString("agency_code"), r.getString("region_code"),
                            org.nianbao.model.IssuerType.parse(r.getString("issuer_type")).orElse(null),
                            r.getInteger("report_year"), r.getLocalDate("published_on"), r.getString("source_url")));
                    if (!same) {
                        throw new ProblemException(422, "Idempotency-Key reused", "The Idempotency-Key '" + s.idempotencyKey
                                + "' was already used for another document or other metadata (submission " + r.getString("id")
                                + "): send a new key with a new request.");
                    }
                    return r.getString("id");
                });
        return byKey.onItem().ifNull().switchTo(() -> tx.preparedQuery("SELECT id FROM submission WHERE platform_id = $1 AND sha256 = $2"
                        + " AND coalesce(agency, '') = $3 AND coalesce(agency_code, '') = $4 AND coalesce(report_year, 0) = $5")
                .execute(Tuple.of(s.platformId, s.sha256, s.agency == null ? "" : s.agency, s.agencyCode == null ? "" : s.agencyCode,
                        s.year == null ? 0 : s.year))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null))
                .onItem().ifNull().failWith(() -> new ProblemException(409, "Conflict",
                        "Another submission for this agency and year was stored at the same moment; send this one again."));
    }

    private static SubmissionMetadata metadata(Submission s) {
        return s.metadata();
    }

    private static Submission newSubmission(Platform platform, SubmissionInput input, SubmissionMetadata meta, String type) {
        Submission s = new Submission();
        s.id = UUID.randomUUID().toString();
        s.platformId = platform.id;
        s.apply(meta);
        s.agencyKey = meta.agency() == null && meta.agencyCode() == null ? AgencyKey.ofSubmission(s.id) : meta.agencyKey();
        s.idempotencyKey = input.idempotencyKey();
        s.fileName = input.fileName();
        s.contentType = input.contentType() != null ? input.contentType() : type;
        s.sizeBytes = input.content().length;
        s.sha256 = AgencyKey.sha256(input.content());
        s.status = Stage.RECEIVED;
        s.receivedAt = Instant.now();
        s.revision = 1;
        return s;
    }

    /**
     * The report-submitted event of a submission, as an outbox row (also used to replay a submission), with the
     * trace context of the current request, so the event is sent later as part of its trace.
     */
    public OutboxEvent outbox(Submission s) {
        ReportSubmitted event = ReportSubmitted.of(s.id, s.revision, s.agencyKey, s.platformId, s.metadata(),
                new ReportSubmitted.DocumentRef(s.fileName, s.contentType, s.sizeBytes, s.sha256,
                        documentBaseUrl + "/internal/v1/documents/" + s.id),
                s.receivedAt);
        return OutboxEvent.of(event, PipelineEvents.toJson(event), TraceContext.current());
    }

    /**
     * Sends stored submissions through the pipeline again (e.g. after an extractor upgrade): each gets a new
     * report-submitted event from the outbox and its status starts again from RECEIVED; its rounds are kept, so the
     * replayed events move it forward again. Returns the ids replayed.
     */
    @WithTransaction
    public Uni<java.util.List<String>> replay(String submissionId, Integer year, String platform) {
        StringBuilder q = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (submissionId != null) {
            q.append(" and id = :id");
            params.and("id", submissionId);
        }
        if (year != null) {
            q.append(" and year = :year");
            params.and("year", year);
        }
        if (platform != null) {
            q.append(" and platformId = :platform");
            params.and("platform", platform);
        }
        return Submission.<Submission>list(q.toString(), params).flatMap(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Submission s : list) {
                SubmissionProgress.restart(s);
                chain = chain.chain(() -> outbox(s).persist()).replaceWithVoid();
            }
            return chain.map(x -> list.stream().map(s -> s.id).toList());
        });
    }
}
