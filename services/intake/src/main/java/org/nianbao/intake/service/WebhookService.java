package org.nianbao.intake.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.intake.model.Platform;
import org.nianbao.intake.model.Stage;
import org.nianbao.intake.model.Submission;
import org.nianbao.intake.model.WebhookDelivery;
import org.nianbao.intake.repository.NativeInsert;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhooks as an outbox: a call is recorded in the transaction that decides a submission (PUBLISHED or FAILED);
 * {@link WebhookDispatcher} claims due calls in a short transaction, calls the platforms outside any transaction,
 * and records each outcome in another short one, retrying with backoff until the platform answers 2xx.
 */
@ApplicationScoped
public class WebhookService {
    /** How long a claimed call is left to its dispatcher before another may claim it (longer than a call may take). */
    static final Duration LEASE = Duration.ofSeconds(60);

    /** A call to make, detached from its row. */
    public record Due(String id, String url, String payload, int attempts) {
    }

    /**
     * A decision about a submission (PUBLISHED or FAILED) to tell its platform of, as the submission was when
     * decided: one call per decision (each published round, each failure), whatever redeliveries of its event arrive.
     */
    public record Decision(String id, String platformId, String submissionId, String payload) {
        public static Decision of(Submission s, Stage decision) {
            String id = s.id + ":" + decision + ":" + switch (decision) {
                case PUBLISHED -> String.valueOf(s.publishedRound);
                case IN_REVIEW -> String.valueOf(s.validationRound);
                default -> String.valueOf(s.failedAt == null ? 0 : s.failedAt.toEpochMilli());
            };
            String payload = new JsonObject().put("event", "submission." + decision.name().toLowerCase())
                    .put("id", s.id).put("status", decision.name()).put("reportId", s.reportId)
                    .put("validationRound", s.validationRound)
                    .put("agency", s.agency).put("year", s.year).put("errors", s.errorCount)
                    .put("failureReason", s.failureReason).put("statusUrl", "/api/v1/submissions/" + s.id).encode();
            return new Decision(id, s.platformId, s.id, payload);
        }
    }

    /**
     * Records the calls for these decisions, in one statement, for the platforms that want them (a webhook URL);
     * a call already recorded (a redelivery) is not recorded again. Called in the deciding transaction.
     */
    @WithSession
    public Uni<Void> enqueue(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> platformIds = decisions.stream().map(Decision::platformId).distinct().toList();
        return Platform.<Platform>list("id in ?1", platformIds).flatMap(platforms -> {
            Map<String, String> urls = new HashMap<>();
            platforms.stream().filter(p -> p.webhookUrl != null && !p.webhookUrl.isBlank()).forEach(p -> urls.put(p.id, p.webhookUrl));
            List<Decision> calls = decisions.stream().filter(d -> urls.containsKey(d.platformId())).toList();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            return NativeInsert.insert("INSERT INTO webhook_delivery (id, platform_id, submission_id, url, payload, created_at,"
                            + " next_attempt_at) VALUES", calls, d -> Arrays.asList(d.id(), d.platformId(), d.submissionId(),
                            urls.get(d.platformId()), d.payload(), now, now),
                    "ON CONFLICT (id) DO NOTHING").replaceWithVoid();
        });
    }

    /**
     * Claims up to {@code limit} due calls: they are leased (not due again until the lease ends), so other replicas
     * skip them while this one calls; the transaction ends before any call is made.
     */
    @WithTransaction
    public Uni<List<Due>> claimDue(int limit) {
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery("SELECT * FROM webhook_delivery WHERE delivered_at IS NULL AND next_attempt_at <= now() "
                                + "ORDER BY next_attempt_at LIMIT " + limit + " FOR UPDATE SKIP LOCKED", WebhookDelivery.class)
                        .getResultList())
                .map(rows -> rows.stream().map(d -> {
                    d.nextAttemptAt = Instant.now().plus(LEASE);
                    return new Due(d.id, d.url, d.payload, d.attempts);
                }).toList());
    }

    /** Records a call's outcome: delivered ({@code error} null), or failed and scheduled again with backoff. */
    @WithTransaction
    public Uni<Void> recordOutcome(String id, String error) {
        return WebhookDelivery.<WebhookDelivery>findById(id).invoke(d -> {
            if (d == null || d.deliveredAt != null) {
                return;
            }
            if (error == null) {
                d.attempts++;
                d.deliveredAt = Instant.now();
                d.lastError = null;
            } else {
                d.failed(error, Instant.now());
            }
        }).replaceWithVoid();
    }
}
