package org.nianbao.intake.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.intake.model.OutboxEvent;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox's transactions, each short: claim the rows to send (leased, so other replicas skip them while this
 * one sends, and a relay that dies leaves them to another once the lease ends), then record what was sent. The
 * sending itself happens between the two, outside any transaction.
 */
@ApplicationScoped
public class OutboxService {
    /** Longer than a send may take (30 s per event at most). */
    static final Duration LEASE = Duration.ofSeconds(60);

    /**
     * Tells that outbox rows were committed (a submission, a batch's chunk, a replay's chunk): the relay sends them
     * at once instead of at its next tick. Fired after the commit.
     */
    public record Written(int rows) {
    }

    /**
     * Claims up to {@code limit} unsent rows, oldest first, in one statement: rows claimed by another relay whose
     * lease has not ended are skipped.
     */
    @WithTransaction
    public Uni<List<OutboxEvent>> claim(int limit) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("WITH claimed AS (UPDATE outbox_event SET claimed_until = now() + make_interval(secs => "
                        + LEASE.toSeconds() + ") WHERE id IN (SELECT id FROM outbox_event WHERE sent_at IS NULL AND (claimed_until"
                        + " IS NULL OR claimed_until < now()) ORDER BY created_at LIMIT " + limit + " FOR UPDATE SKIP LOCKED)"
                        + " RETURNING *) SELECT * FROM claimed ORDER BY created_at", OutboxEvent.class)
                .getResultList());
    }

    /**
     * The documents of these submissions that are at most {@code maxBytes} long, by submission id: small documents
     * travel in their report-submitted event, so extraction need not fetch them back.
     */
    @WithSession
    public Uni<Map<String, byte[]>> smallDocuments(List<String> submissionIds, long maxBytes) {
        if (submissionIds.isEmpty() || maxBytes <= 0) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery("SELECT d.submission_id, d.content FROM submission_document d JOIN submission s"
                                + " ON s.id = d.submission_id WHERE d.submission_id IN (?1) AND s.size_bytes <= ?2", Object[].class)
                        .setParameter(1, submissionIds).setParameter(2, maxBytes).getResultList())
                .map(rows -> {
                    Map<String, byte[]> documents = new HashMap<>();
                    rows.forEach(row -> documents.put((String) row[0], (byte[]) row[1]));
                    return documents;
                });
    }

    /** Marks the rows sent, and releases the claim on those that were not (sent again at the next tick). */
    @WithTransaction
    public Uni<Void> recordSent(List<String> sent, List<String> unsent) {
        Uni<Integer> marked = sent.isEmpty() ? Uni.createFrom().item(0) : Panache.getSession().flatMap(session -> session
                .createNativeQuery("UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1, claimed_until = NULL"
                        + " WHERE id IN (?1)").setParameter(1, sent).executeUpdate());
        return marked.chain(() -> unsent.isEmpty() ? Uni.createFrom().item(0) : Panache.getSession().flatMap(session -> session
                        .createNativeQuery("UPDATE outbox_event SET attempts = attempts + 1, claimed_until = NULL WHERE id IN (?1)")
                        .setParameter(1, unsent).executeUpdate()))
                .replaceWithVoid();
    }
}
