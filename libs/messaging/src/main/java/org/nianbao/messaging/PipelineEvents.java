package org.nianbao.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.nianbao.events.Headers;
import org.nianbao.model.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way services put events on and take them off Kafka: a JSON value, keyed by agency, with
 * CloudEvents binary-mode headers and the submission id as correlation header.
 */
public final class PipelineEvents {
    /** The MDC key of the submission a log line is about (shown by the services' log format). */
    public static final String LOG_SUBMISSION = "submission";
    private static final Logger LOG = Logger.getLogger(PipelineEvents.class);
    private PipelineEvents() {
    }

    /**
     * A new message ready for an emitter. Built while a record is being {@link #settle settled}, it continues
     * that record's trace (when tracing is on).
     */
    public static Message<String> message(Object event, String key, String type, String eventId,
                                          String submissionId, String source) {
        return TraceContext.continued(Message.of(toJson(event)).addMetadata(metadata(key, type, eventId, submissionId, source)));
    }

    private static OutgoingKafkaRecordMetadata<String> metadata(String key, String type, String eventId,
                                                               String submissionId, String source) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.CE_SPECVERSION, bytes("1.0"));
        headers.add(Headers.CE_ID, bytes(eventId));
        headers.add(Headers.CE_TYPE, bytes(type));
        headers.add(Headers.CE_SOURCE, bytes(source));
        headers.add(Headers.CE_TIME, bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        headers.add(Headers.SUBMISSION_ID, bytes(submissionId));
        return OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build();
    }

    public static String toJson(Object event) {
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /** Reads an event; a malformed payload throws, which sends the record to the channel's dead-letter topic. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Settles an incoming record by the outcome of its work: ack once the work (storing, sending its events)
     * succeeded, nack with the cause otherwise, which sends the record to the channel's dead-letter topic
     * and lets the stream go on with the next record.
     */
    public static Uni<Void> settle(Message<?> incoming, String stage, Supplier<Uni<? extends Void>> work) {
        String topic = incoming.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getTopic()).orElse("unknown");
        String submissionId = header(incoming, Headers.SUBMISSION_ID).orElse("");
        PipelineMetrics.consumed(topic);
        long start = System.nanoTime();
        // Quarkus keeps the MDC per message context, so every log line of this record's work names its submission.
        MDC.put(LOG_SUBMISSION, submissionId);
        TraceContext.enter(incoming);
        return Uni.createFrom().deferred(work)
                .onItem().transformToUni(x -> {
                    PipelineMetrics.processed(stage, System.nanoTime() - start);
                    return Uni.createFrom().completionStage(incoming.ack());
                })
                .onFailure().recoverWithUni(e -> reject(incoming, stage, e));
    }

    /** Nacks a record that cannot be processed: it goes to the channel's dead-letter topic with the reason. */
    public static Uni<Void> reject(Message<?> incoming, String stage, Throwable cause) {
        String topic = incoming.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getTopic()).orElse("unknown");
        PipelineMetrics.failed(stage, topic, cause);
        LOG.warnf("submission %s: %s failed, the record goes to the dead-letter topic: %s",
                header(incoming, Headers.SUBMISSION_ID).orElse("?"), stage, cause.getMessage());
        return Uni.createFrom().completionStage(incoming.nack(cause));
    }

    /** An emitter's send, counted in nianbao_events_produced_total once Kafka acknowledged it. */
    public static Uni<Void> counted(Uni<Void> send, String topic) {
        return send.invoke(() -> PipelineMetrics.produced(topic));
    }

    /** A header of an incoming Kafka record, if present. */
    public static Optional<String> header(Message<?> message, String name) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getHeaders().lastHeader(name))
                .map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String value) {
        return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
    }

    /** An event that cannot be read; not retryable. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
