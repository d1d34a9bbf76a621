package org.nianbao.intake.webhook;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.nianbao.intake.model.Platform;
import org.nianbao.intake.model.Submission;
import org.nianbao.intake.model.WebhookDelivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Webhooks: a call is recorded in the transaction that moves a submission to PUBLISHED or FAILED,
 * then delivered by a scheduled job, retried with backoff until the platform answers 2xx.
 */
@ApplicationScoped
public class WebhookService {
    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    @Inject
    Vertx vertx;

    WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx);
    }

    /** Records the call for a submission that just reached a final stage, if its platform wants one. */
    public Uni<Void> enqueue(Submission s) {
        return Platform.<Platform>findById(s.platformId).flatMap(p -> {
            if (p == null || p.webhookUrl == null || p.webhookUrl.isBlank()) {
                return Uni.createFrom().voidItem();
            }
            WebhookDelivery d = new WebhookDelivery();
            d.id = s.id + ":" + s.status;
            d.platformId = p.id;
            d.submissionId = s.id;
            d.url = p.webhookUrl;
            d.payload = new JsonObject().put("event", "submission." + s.status.name().toLowerCase())
                    .put("id", s.id).put("status", s.status.name()).put("reportId", s.reportId)
                    .put("agency", s.agency).put("year", s.year).put("errors", s.errorCount)
                    .put("failureReason", s.failureReason).put("statusUrl", "/api/v1/submissions/" + s.id).encode();
            d.createdAt = Instant.now();
            d.nextAttemptAt = d.createdAt;
            return WebhookDelivery.<WebhookDelivery>findById(d.id)
                    .flatMap(existing -> existing != null ? Uni.createFrom().voidItem() : d.persist().replaceWithVoid());
        });
    }

    @Scheduled(every = "${nianbao.webhook.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliverDue() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery("SELECT * FROM webhook_delivery WHERE delivered_at IS NULL AND next_attempt_at <= now() "
                                + "ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED", WebhookDelivery.class)
                        .getResultList())
                .flatMap(this::deliverAll))
                .onFailure().invoke(e -> LOG.warnf("webhook delivery: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> deliverAll(List<WebhookDelivery> due) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (WebhookDelivery d : due) {
            chain = chain.chain(() -> deliver(d));
        }
        return chain;
    }

    private Uni<Void> deliver(WebhookDelivery d) {
        return client.postAbs(d.url).putHeader("Content-Type", "application/json")
                .putHeader("X-Nianbao-Delivery", d.id).timeout(10_000)
                .sendBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(d.payload))
                .ifNoItem().after(Duration.ofSeconds(15)).fail()
                .map(response -> response.statusCode() / 100 == 2 ? null : "answered " + response.statusCode())
                .onFailure().recoverWithItem(e -> e.getClass().getSimpleName() + ": " + e.getMessage())
                .invoke(error -> {
                    if (error == null) {
                        d.attempts++;
                        d.deliveredAt = Instant.now();
                    } else {
                        d.failed(error, Instant.now());
                        LOG.infof("webhook %s to %s failed (%s), attempt %d", d.id, d.url, error, d.attempts);
                    }
                }).replaceWithVoid();
    }
}
