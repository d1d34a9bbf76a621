package org.nianbao.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.nianbao.events.PipelineEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Sends a stage's events on its outgoing channel. Each send completes when Kafka acknowledged the record, so
 * whoever waits for {@link #sendAll} knows its results are stored in the broker. A service that sends nothing has
 * {@link #NONE}.
 */
public final class EventSender {
    /** For a stage whose results are only rows in its own database. */
    public static final EventSender NONE = new EventSender(null, "");

    private final MutinyEmitter<String> emitter;
    private final String source;

    private EventSender(MutinyEmitter<String> emitter, String source) {
        this.emitter = emitter;
        this.source = source;
    }

    /** Sends on {@code emitter}'s channel; {@code source} is the CloudEvents source, e.g. {@code /nianbao/extraction}. */
    public static EventSender on(MutinyEmitter<String> emitter, String source) {
        return new EventSender(emitter, source);
    }

    /**
     * Sends an event stored as JSON (intake's outbox), as a child of the trace it was stored in ({@code traceparent},
     * {@code tracestate}: null when tracing was off).
     */
    public Uni<Void> sendStored(String json, PipelineEvent described, String traceparent, String tracestate) {
        return send(TraceContext.childOf(PipelineEvents.message(json, described, source), traceparent, tracestate), described);
    }

    private Uni<Void> send(Message<String> record, PipelineEvent event) {
        if (emitter == null) {
            throw new IllegalStateException("this stage sends no events, not " + event.eventType());
        }
        return emitter.sendMessage(record).invoke(() -> PipelineMetrics.produced(event.topic()));
    }

    /**
     * Sends the events together, handed to the producer in their order (which Kafka keeps within a partition);
     * completes when all are acknowledged, or fails when one failed (after every send settled).
     */
    public Uni<Void> sendAll(List<? extends PipelineEvent> events) {
        return sendAll(events, event -> null);
    }

    /** {@link #sendAll(List)}, each event continuing the trace of the record that caused it ({@code causes}; null: none). */
    public Uni<Void> sendAll(List<? extends PipelineEvent> events, Function<PipelineEvent, Message<?>> causes) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = new ArrayList<>(events.size());
        for (PipelineEvent event : events) {
            sends.add(send(TraceContext.continuing(PipelineEvents.message(event, source), causes.apply(event)), event));
        }
        return Uni.join().all(sends).andCollectFailures().replaceWithVoid();
    }
}
