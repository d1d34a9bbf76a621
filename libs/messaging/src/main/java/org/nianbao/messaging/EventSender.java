package org.nianbao.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

import java.util.List;

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

    public Uni<Void> send(org.nianbao.events.PipelineEvent event) {
        return send(PipelineEvents.message(event, source), event);
    }

    /**
     * Sends an event stored as JSON (intake's outbox), as a child of the trace it was stored in ({@code traceparent},
     * {@code tracestate}: null when tracing was off).
     */
    public Uni<Void> sendStored(String json, org.nianbao.events.PipelineEvent described, String traceparent, String tracestate) {
        return send(TraceContext.childOf(PipelineEvents.message(json, described, source), traceparent, tracestate), described);
    }

    private Uni<Void> send(org.eclipse.microprofile.reactive.messaging.Message<String> record, org.nianbao.events.PipelineEvent event) {
        if (emitter == null) {
            throw new IllegalStateException("this stage sends no events, not " + event.eventType());
        }
        return emitter.sendMessage(record).invoke(() -> PipelineMetrics.produced(event.topic()));
    }

    /** Sends the events one after the other (their order is kept in their partition); completes when all are acknowledged. */
    public Uni<Void> sendAll(List<? extends org.nianbao.events.PipelineEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (var event : events) {
            chain = chain.chain(() -> send(event));
        }
        return chain;
    }
}
