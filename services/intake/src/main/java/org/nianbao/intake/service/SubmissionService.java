package org.nianbao.intake.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Stores a submission, its document and its report-submitted event in one transaction (the outbox);
 * {@link org.nianbao.intake.messaging.OutboxRelay} sends the event once the transaction committed.
 */
@ApplicationScoped
public class SubmissionService {

    @ConfigProperty(name = "nianbao.document-base-url")
    String documentBaseUrl;

    /** Submissions a replay takes per transaction. */
    @ConfigProperty(name = "nianbao.replay.chunk-size", defaultValue = "500")
    int replayChunkSize;

    @Inject
    Pool pool;

    @Inject
    SubmissionRepository submissions;

    @Inject
    Event<OutboxService.Written> written;

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
     * failure stores nothing twice. The outbox relay is woken once the transaction committed.
     */
    public Uni<Outcome> store(Prepared prepared) {
        Submission s = prepared.submission();
        return pool.withTransaction(tx -> lockAgencies(tx, List.of(s.agencyKey)).chain(() -> store(tx, prepared)))
                .invoke(existing -> {
                    if (existing == null) {
                        written.fire(new OutboxService.Written(1));
                    }
                })
                .flatMap(existing -> existing == null ? Uni.createFrom().item(new Outcome(s, true))
                        : submissions.find(existing).map(e -> new Outcome(e, false)));
    }

    /** What storing one item of a chunk did: stored (its id; not created when it repeats one), or refused and why. */
    public record Stored(String id, boolean created, ProblemException problem) {
    }

    /**
     * Stores prepared submissions (a chunk of a batch) in one transaction, answering for each in their order as
     * {@link #store(Prepared)} does: an item refused (a {@link ProblemException}, found before anything of it is
     * written) does not stop the others; any other failure fails the whole chunk, and nothing of it is stored. The
     * agencies' locks are all taken first, in one statement and one order, so concurrent chunks never wait for each
     * other in a cycle.
     */
    public Uni<List<Stored>> storeAll(List<Prepared> chunk) {
        return pool.withTransaction(tx -> lockAgencies(tx, chunk.stream().map(p -> p.submission().agencyKey).toList()).chain(() -> {
                    List<Stored> answers = new ArrayList<>(chunk.size());
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Prepared p : chunk) {
                        chain = chain.chain(() -> store(tx, p)
                                .map(existing -> existing == null ? new Stored(p.submission().id, true, null) : new Stored(existing, false, null))
                                .onFailure(ProblemException.class).recoverWithItem(e -> new Stored(null, false, (ProblemException) e))
                                .invoke(answers::add).replaceWithVoid());
                    }
                    return chain.replaceWith(answers);
                }))
                .invoke(answers -> {
                    int created = (int) answers.stream().filter(Stored::created).count();
                    if (created > 0) {
                        written.fire(new OutboxService.Written(created));
                    }
                });
    }

    /**
     * Takes the transaction-scoped advisory locks of these agencies (keys that name no agency need none), in one
     * statement, in the order of their hashes.
     */
    private static Uni<Void> lockAgencies(SqlConnection tx, List<String> agencyKeys) {
        String[] agencies = agencyKeys.stream().filter(AgencyKey::isAgency).distinct().toArray(String[]::new);
        return agencies.length == 0 ? Uni.createFrom().voidItem()
                : tx.preparedQuery("SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(a, 0) AS h"
                        + " FROM unnest($1::text[]) AS a ORDER BY h) AS agencies").execute(Tuple.of(agencies)).replaceWithVoid();
    }

    /**
     * Stores the submission, its document and its event, its agency locked already; or returns the id of the
     * submission it repeats.
     */
    private Uni<String> store(SqlConnection tx, Prepared prepared) {
        Submission s = prepared.submission();
        Uni<Void> ready = !AgencyKey.isAgency(s.agencyKey) ? Uni.createFrom().voidItem()
                : tx.preparedQuery(OWNER_AND_REVISION).execute(Tuple.of(s.agencyKey, s.year))
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    claimRegion(prepared.platform(), s, row.getString(0));
                    s.revision = row.getInteger(1);
                }).replaceWithVoid();
        return ready.chain(() -> {
            OutboxEvent event = outbox(s);
            return tx.preparedQuery(INSERT_SUBMISSION_DOCUMENT_EVENT).execute(Tuple.from(java.util.Arrays.asList(
                    s.id, s.platformId, s.agency, s.agencyCode, s.regionCode, s.issuerType, s.year, s.publishedOn, s.sourceUrl,
                    s.agencyKey, s.revision, s.idempotencyKey, s.fileName, s.contentType, s.sizeBytes, s.sha256,
                    s.status.name(), s.receivedAt.atOffset(ZoneOffset.UTC), Buffer.buffer(prepared.content()),
                    event.id, event.topic, event.eventKey, event.eventType, event.payload, event.createdAt.atOffset(ZoneOffset.UTC),
                    event.traceparent, event.tracestate, s.reviewPolicy.name())));
        }).chain(inserted -> inserted.iterator().next().getLong(0) == 1 ? Uni.createFrom().<String>nullItem() : repeated(tx, s));
    }

    /**
     * The submission, its document and its event in one statement; the document and the event only if the submission
     * is new (a repeated one conflicts with a unique index and inserts nothing). Answers 1 when new, 0 otherwise.
     */
    private static final String INSERT_SUBMISSION_DOCUMENT_EVENT = "WITH inserted AS (INSERT INTO submission (id, platform_id,"
            + " agency, agency_code, region_code, issuer_type, report_year, published_on, source_url, agency_key, revision,"
            + " idempotency_key, file_name, content_type, size_bytes, sha256, status, received_at, review_policy) VALUES ($1, $2, $3,"
            + " $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $28) ON CONFLICT DO NOTHING RETURNING id),"
            + " document AS (INSERT INTO submission_document (submission_id, content) SELECT id, $19::bytea FROM inserted),"
            + " event AS (INSERT INTO outbox_event (id, topic, event_key, event_type, submission_id, payload, created_at,"
            + " traceparent, tracestate) SELECT $20::varchar, $21::varchar, $22::varchar, $23::varchar, id, $24::text,"
            + " $25::timestamptz, $26::varchar, $27::varchar FROM inserted)"
            + " SELECT count(*) FROM inserted";

    /** The region of the agency's first submission (null: none yet), and the revision number of a new one. */
    private static final String OWNER_AND_REVISION = "SELECT (SELECT region_code FROM submission WHERE agency_key = $1"
            + " AND region_code IS NOT NULL ORDER BY received_at, id LIMIT 1), CASE WHEN $2::int IS NULL THEN 1 ELSE"
            + " (SELECT coalesce(max(revision), 0) + 1 FROM submission WHERE agency_key = $1 AND report_year = $2::int) END";

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
                    boolean same = r.getString("sha256").equals(s.sha256) && java.util.Objects.equals(metadata(s).reviewed(null), new SubmissionMetadata(
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
        s.reviewPolicy = platform.reviewPolicy;
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
     * replayed events move it forward again. The submissions after id {@code after} ("" for all) are taken in chunks
     * of {@code nianbao.replay.chunk-size} (default 500), in id order, each chunk in a transaction of its own that
     * wakes the outbox relay once committed: events start to flow while the rest is replayed, and only a chunk's rows
     * are in memory at a time (never a document). Each committed chunk's ids go to {@code progress}. A failure stops
     * the replay: the chunks before it stay replayed.
     */
    public Uni<Void> replay(ReplayFilter filter, String after, Consumer<List<String>> progress) {
        return replayChunk(filter, after).flatMap(ids -> {
            if (!ids.isEmpty()) {
                progress.accept(ids);
                written.fire(new OutboxService.Written(ids.size()));
            }
            return ids.size() < replayChunkSize ? Uni.createFrom().voidItem() : replay(filter, ids.get(ids.size() - 1), progress);
        });
    }

    /** Which submissions a replay takes (null: any). */
    public record ReplayFilter(String submission, Integer year, String platform) {
    }

    /** Replays the next chunk of submissions after id {@code after}, locked (as the stage tracker locks them, by id). */
    @WithTransaction
    Uni<List<String>> replayChunk(ReplayFilter filter, String after) {
        StringBuilder q = new StringBuilder("id > :after");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("after", after);
        if (filter.submission() != null) {
            q.append(" and id = :id");
            params.and("id", filter.submission());
        }
        if (filter.year() != null) {
            q.append(" and year = :year");
            params.and("year", filter.year());
        }
        if (filter.platform() != null) {
            q.append(" and platformId = :platform");
            params.and("platform", filter.platform());
        }
        q.append(" order by id");
        return Submission.<Submission>find(q.toString(), params).page(0, replayChunkSize)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list()
                .flatMap(list -> {
                    List<OutboxEvent> events = new ArrayList<>(list.size());
                    for (Submission s : list) {
                        SubmissionProgress.restart(s);
                        events.add(outbox(s));
                    }
                    return OutboxEvent.persist(events).map(x -> list.stream().map(s -> s.id).toList());
                });
    }
}
