package org.nianbao.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.HashMap;
import java.util.Map;

/**
 * One trace per submission: the W3C trace context (traceparent, tracestate) is carried from the POST through
 * intake's outbox, and from each incoming record to the events its processing sends. When tracing is off
 * (the default) there is no context and nothing is added.
 */
public final class TraceContext {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private TraceContext() {
    }

    /** The W3C headers of the current span; empty when tracing is off or no span is current. */
    public static Map<String, String> current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier;
    }

    /** A copy of {@code message} sent as a child of the stored {@code traceparent}; unchanged without one. */
    public static <T> Message<T> childOf(Message<T> message, String traceparent, String tracestate) {
        if (traceparent == null || traceparent.isBlank()) {
            return message;
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null && !tracestate.isBlank()) {
            carrier.put(TRACESTATE, tracestate);
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MAP_GETTER);
        return Span.fromContext(parent).getSpanContext().isValid()
                ? message.addMetadata(TracingMetadata.withCurrent(parent)) : message;
    }

    /** A copy of {@code message} continuing the trace of the record {@code cause}, if it has one. */
    static <T> Message<T> continuing(Message<T> message, Message<?> cause) {
        return cause == null ? message : cause.getMetadata(TracingMetadata.class)
                .filter(tracing -> tracing.getCurrentContext() != null)
                .map(tracing -> message.addMetadata(TracingMetadata.withCurrent(tracing.getCurrentContext())))
                .orElse(message);
    }

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
}
