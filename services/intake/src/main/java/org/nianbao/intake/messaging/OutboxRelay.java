package org.nianbao.intake.messaging;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;
import org.nianbao.intake.model.OutboxEvent;
import org.nianbao.intake.service.OutboxService;
import org.nianbao.messaging.EventSender;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends committed outbox rows to Kafka and marks them sent once the broker acknowledged them: rows are claimed in
 * a short transaction (leased, so replicas share the work), sent in order with no transaction open, and recorded as
 * sent in another short one. While Kafka is away, rows wait and are retried on the next tick: nothing stored is
 * lost. Each event is sent as a child of the trace context stored with its row (the submitting request's).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SOURCE = "/nianbao/intake";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    @Channel("submitted-out")
    MutinyEmitter<String> emitter;

    @Inject
    OutboxService outbox;

    @Scheduled(every = "${nianbao.outbox.interval:1s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return outbox.claim(100)
                .flatMap(this::sendAll)
                .onFailure().invoke(e -> LOG.warnf("outbox relay: %s (will retry)", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Sends the rows one after the other, stopping at the first failure; records which were sent. */
    private Uni<Void> sendAll(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> sent = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OutboxEvent row : rows) {
            chain = chain.chain(() -> EventSender.on(emitter, SOURCE).sendStored(row.payload, row, row.traceparent, row.tracestate)
                    .ifNoItem().after(SEND_TIMEOUT).fail()
                    .invoke(() -> sent.add(row.id)));
        }
        return chain.onFailure().invoke(e -> LOG.warnf("outbox relay: sent %d of %d (%s); the rest at the next tick",
                        sent.size(), rows.size(), e.getMessage()))
                .onItemOrFailure().transformToUni((x, e) -> outbox.recordSent(sent,
                        rows.stream().map(r -> r.id).filter(id -> !sent.contains(id)).toList()));
    }
}
