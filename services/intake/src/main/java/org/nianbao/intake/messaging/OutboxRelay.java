package org.nianbao.intake.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;
import org.nianbao.intake.model.OutboxEvent;
import org.nianbao.messaging.EventSender;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends committed outbox rows to Kafka and marks them sent once the broker acknowledged them.
 * While Kafka is away, rows wait and are retried on the next tick: nothing stored is lost.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work. Each event is sent as a
 * child of the trace context stored with its row (the submitting request's), not as a new trace.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SOURCE = "/nianbao/intake";

    @Inject
    @Channel("submitted-out")
    MutinyEmitter<String> emitter;

    /**
     * One tick: the rows sent before a send failed are marked sent when the transaction commits; the others wait for
     * the next tick.
     */
    @Scheduled(every = "${nianbao.outbox.interval:1s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    Uni<Void> relay() {
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery("SELECT * FROM outbox_event WHERE sent_at IS NULL ORDER BY created_at "
                                + "LIMIT 100 FOR UPDATE SKIP LOCKED", OutboxEvent.class)
                        .getResultList())
                .flatMap(this::sendAll)
                .onFailure().invoke(e -> LOG.warnf("outbox relay: %s (will retry)", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> sendAll(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> EventSender.on(emitter, SOURCE).sendStored(row.payload, row, row.traceparent, row.tracestate)
                        .ifNoItem().after(Duration.ofSeconds(30)).fail()
                        .invoke(() -> {
                            row.sentAt = Instant.now();
                            row.attempts++;
                        }))
                .collect().last().replaceWithVoid();
    }
}
