package org.nianbao.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.nianbao.events.Headers;
import org.nianbao.events.PipelineEvent;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportValidated;
import org.nianbao.model.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * How an event looks on Kafka: a JSON value, keyed by its agency, with CloudEvents binary-mode headers and the
 * submission id as correlation header. Stages consume through {@link StageCycle} and send through {@link EventSender}.
 */
public final class PipelineEvents {
    /** The MDC key of the submission a log line is about (shown by the services' log format). */
    public static final String LOG_SUBMISSION = "submission";
    private PipelineEvents() {
    }

    /** The record of an event: a JSON value keyed by its agency, with CloudEvents headers taken from the event. */
    public static Message<String> message(PipelineEvent event, String source) {
        return Message.of(toJson(event)).addMetadata(metadata(event, source));
    }

    /** The record of an event whose JSON is already written (intake's outbox stores events as JSON). */
    public static Message<String> message(String json, PipelineEvent described, String source) {
        return Message.of(json).addMetadata(metadata(described, source));
    }

    private static OutgoingKafkaRecordMetadata<String> metadata(PipelineEvent event, String source) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.CE_SPECVERSION, bytes("1.0"));
        headers.add(Headers.CE_ID, bytes(event.eventId()));
        headers.add(Headers.CE_TYPE, bytes(event.eventType()));
        headers.add(Headers.CE_SOURCE, bytes(source));
        headers.add(Headers.CE_TIME, bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        headers.add(Headers.SUBMISSION_ID, bytes(event.submissionId()));
        return OutgoingKafkaRecordMetadata.<String>builder().withKey(event.agencyKey()).withHeaders(headers).build();
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
            throw new Transience.MalformedEventException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a report-parsed or report-validated without the report it carries (left null, skipped unparsed): for a
     * consumer that follows the stages, not the reports (measured: a tenth of intake's CPU went to reading reports it
     * did not use). A malformed payload throws, as {@link #read} does.
     */
    public static <T> T readWithoutReport(String json, Class<T> type) {
        try {
            return WITHOUT_REPORT.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new Transience.MalformedEventException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static final ObjectMapper WITHOUT_REPORT = Json.mapper().copy()
            .addMixIn(ReportParsed.class, WithoutReport.class).addMixIn(ReportValidated.class, WithoutReport.class);

    @JsonIgnoreProperties("report")
    private abstract static class WithoutReport {
    }

    /** The topic an incoming Kafka record was read from, if it came from Kafka. */
    public static Optional<String> topic(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic);
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

}
