package org.nianbao.intake.messaging;

import org.nianbao.intake.service.WebhookService;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Delivers due webhook calls: claimed in one short transaction, called with no transaction open (no row is locked
 * while a platform answers), each outcome recorded in its own short transaction.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    Vertx vertx;

    @Inject
    WebhookService webhooks;

    WebClient client;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx);
    }

    @Scheduled(every = "${nianbao.webhook.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliverDue() {
        return webhooks.claimDue(20)
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(d -> call(d)
                                .flatMap(error -> {
                                    if (error != null) {
                                        LOG.infof("webhook %s to %s failed (%s), attempt %d", d.id(), d.url(), error, d.attempts() + 1);
                                    }
                                    return webhooks.recordOutcome(d.id(), error);
                                }))
                        .collect().last())
                .onFailure().invoke(e -> LOG.warnf("webhook delivery: %s (will retry)", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Calls the platform; null when it answered 2xx, else what went wrong. */
    private Uni<String> call(WebhookService.Due d) {
        return client.postAbs(d.url()).putHeader("Content-Type", "application/json")
                .putHeader("X-Nianbao-Delivery", d.id()).timeout(10_000)
                .sendBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(d.payload()))
                .ifNoItem().after(Duration.ofSeconds(15)).fail()
                .map(response -> response.statusCode() / 100 == 2 ? null : "answered " + response.statusCode())
                .onFailure().recoverWithItem(e -> e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
