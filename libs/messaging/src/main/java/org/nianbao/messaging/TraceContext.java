package org.nianbao.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.vertx.core.Vertx;
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
    private static final String LOCAL = TraceContext.class.getName();

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

    /**
     * Remembers the tracing context of the record being processed. Each record is processed on its own
     * duplicated Vert.x context, which is where it is kept (as Quarkus keeps the MDC), so the events built
     * while processing it, even after a database round trip, continue its trace.
     */
    static void enter(Message<?> incoming) {
        io.vertx.core.Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            incoming.getMetadata(TracingMetadata.class).ifPresentOrElse(
                    tracing -> context.putLocal(LOCAL, tracing), () -> context.removeLocal(LOCAL));
        }
    }

    /** {@code message} continuing the trace of the record being processed, if any. */
    static <T> Message<T> continued(Message<T> message) {
        io.vertx.core.Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return message;
        }
        TracingMetadata tracing = context.getLocal(LOCAL);
        return tracing == null || tracing.getCurrentContext() == null ? message
                : message.addMetadata(TracingMetadata.withCurrent(tracing.getCurrentContext()));
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
