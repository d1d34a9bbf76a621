package org.nianbao.intake.messaging;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.nianbao.events.ReportSubmitted;
import org.nianbao.events.Topics;
import org.nianbao.intake.model.OutboxEvent;
import org.nianbao.intake.service.OutboxService;
import org.nianbao.intake.service.OwnContext;
import org.nianbao.messaging.EventSender;
import org.nianbao.messaging.PipelineEvents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends committed outbox rows to Kafka and marks them sent once the broker acknowledged them: rows are claimed a
 * chunk at a time in a short transaction (leased, so replicas share the work), the chunk's events are handed to the
 * producer together in the rows' order (Kafka keeps it within a partition) with no transaction open, and the rows
 * sent are recorded in another short one. A full chunk is followed by the next at once, until the outbox is empty.
 * <p>
 * A relay run starts as soon as rows are committed ({@link OutboxService.Written}), and at each tick
 * ({@code nianbao.outbox.interval}, default 1 s) for what is left (rows whose sending failed, rows of another
 * replica's lapsed lease); one run at a time per process, a wake during a run makes it go on. While Kafka is away,
 * rows wait and are retried at the next tick: nothing stored is lost. Each event is sent as a child of the trace
 * context stored with its row (the submitting request's).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SOURCE = "/nianbao/intake";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** A whole chunk is handed over at once: the emitter buffers it (the chunk size bounds what it holds). */
    @Inject
    @Channel("submitted-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> emitter;

    @Inject
    OutboxService outbox;

    @Inject
    Vertx vertx;

    /** Rows claimed and sent together. */
    @ConfigProperty(name = "nianbao.outbox.chunk-size", defaultValue = "500")
    int chunkSize;

    /** Documents up to this size travel in their event (0: none; larger ones are fetched from the internal API). */
    @ConfigProperty(name = "nianbao.outbox.inline-document-max-bytes", defaultValue = "262144")
    long inlineMaxBytes;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    void written(@Observes OutboxService.Written written) {
        wake();
    }

    @Scheduled(every = "${nianbao.outbox.interval:1s}", delayed = "5s")
    void tick() {
        wake();
    }

    /** Runs the relay now, or, if it runs, once more after the current chunk. Never blocks. */
    public void wake() {
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            OwnContext.run(vertx, () -> drain().subscribe().with(done -> stopped(), e -> stopped()));
        }
    }

    private void stopped() {
        running.set(false);
        if (wanted.get()) {
            wake();
        }
    }

    /** What a chunk's run leaves: more rows may wait, none waited, or a failure (the tick tries again). */
    private enum Outcome { MORE, DONE, FAILED }

    /** Chunk after chunk while a chunk was full or a wake came meanwhile; stops at a failure (the tick retries). */
    private Uni<Void> drain() {
        wanted.set(false);
        return relayChunk()
                .onFailure().invoke(e -> LOG.warnf("outbox relay: %s (will retry)", e.getMessage()))
                .onFailure().recoverWithItem(Outcome.FAILED)
                .flatMap(outcome -> {
                    if (outcome == Outcome.FAILED) {
                        wanted.set(false);
                        return Uni.createFrom().voidItem();
                    }
                    return outcome == Outcome.MORE || wanted.get() ? drain() : Uni.createFrom().voidItem();
                });
    }

    /** Claims a chunk, sends it, records what was sent. */
    private Uni<Outcome> relayChunk() {
        return outbox.claim(chunkSize).flatMap(rows -> rows.isEmpty() ? Uni.createFrom().item(Outcome.DONE)
                : outbox.smallDocuments(submitted(rows), inlineMaxBytes)
                .flatMap(documents -> sendAll(rows, documents))
                .map(allSent -> !allSent ? Outcome.FAILED : rows.size() == chunkSize ? Outcome.MORE : Outcome.DONE));
    }

    /** The submissions whose report-submitted the rows are. */
    private static List<String> submitted(List<OutboxEvent> rows) {
        return rows.stream().filter(row -> Topics.REPORT_SUBMITTED.equals(row.topic)).map(row -> row.submissionId).distinct().toList();
    }

    /**
     * Sends the rows together (subscribed in their order), each report-submitted with its document when it is one of
     * {@code documents}; records which were sent and releases the others.
     */
    private Uni<Boolean> sendAll(List<OutboxEvent> rows, Map<String, byte[]> documents) {
        EventSender sender = EventSender.on(emitter, SOURCE);
        List<Uni<Boolean>> sends = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            byte[] document = Topics.REPORT_SUBMITTED.equals(row.topic) ? documents.get(row.submissionId) : null;
            String payload = document == null ? row.payload
                    : PipelineEvents.toJson(PipelineEvents.read(row.payload, ReportSubmitted.class).withDocumentContent(document));
            sends.add(sender.sendStored(payload, row, row.traceparent, row.tracestate)
                    .ifNoItem().after(SEND_TIMEOUT).fail()
                    .replaceWith(true)
                    .onFailure().invoke(e -> LOG.debugf("outbox relay: %s not sent: %s", row.id, e.getMessage()))
                    .onFailure().recoverWithItem(false));
        }
        return Uni.join().all(sends).andFailFast().flatMap(outcomes -> {
            List<String> sent = new ArrayList<>();
            List<String> unsent = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                (outcomes.get(i) ? sent : unsent).add(rows.get(i).id);
            }
            if (!unsent.isEmpty()) {
                LOG.warnf("outbox relay: sent %d of %d; the rest at the next tick", sent.size(), rows.size());
            } else {
                LOG.debugf("outbox relay: sent %d", sent.size());
            }
            return outbox.recordSent(sent, unsent).replaceWith(unsent.isEmpty());
        });
    }
}
