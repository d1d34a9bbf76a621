package org.nianbao.intake.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.nianbao.events.EventTypes;
import org.nianbao.events.Headers;
import org.nianbao.events.PipelineEvent;
import org.nianbao.events.ReportHeld;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReportValidated;
import org.nianbao.intake.model.Stage;
import org.nianbao.intake.service.StageService;
import org.nianbao.messaging.EventSender;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.StageCycle;
import org.nianbao.model.Json;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Follows each submission through the pipeline: the downstream events and the other services' dead letters,
 * each through the stage cycle (a transient failure, the database away, is retried, not dead-lettered), decided by
 * {@link StageService}. Tracking sends no events.
 */
@ApplicationScoped
public class StageTracker {
    private static final Logger LOG = Logger.getLogger(StageTracker.class);

    @Inject
    StageService stages;

    /** The events are read without the report they carry: tracking does not use it. */
    private final StageCycle<ReportParsed> parsed = StageCycle.reading("intake-parsed",
            record -> PipelineEvents.readWithoutReport(record.getPayload(), ReportParsed.class), EventSender.NONE);
    private final StageCycle<ReportValidated> validated = StageCycle.reading("intake-validated",
            record -> PipelineEvents.readWithoutReport(record.getPayload(), ReportValidated.class), EventSender.NONE);
    /** Publication's outcomes: a report published, or held for review (told apart by their CloudEvents type). */
    private final StageCycle<PipelineEvent> published = StageCycle.reading("intake-published", StageTracker::outcome, EventSender.NONE);
    /** A dead letter is read from its headers, and from its payload (the event that failed, of any type) where they say nothing. */
    private final StageCycle<StageService.DeadLetter> failures = StageCycle.reading("intake-failures", StageTracker::deadLetter, EventSender.NONE);

    @Incoming("parsed-in")
    public Uni<Void> parsed(Message<List<String>> batch) {
        return parsed.consume(batch, stages::parsed);
    }

    @Incoming("validated-in")
    public Uni<Void> validated(Message<List<String>> batch) {
        return validated.consume(batch, stages::validated);
    }

    @Incoming("published-in")
    public Uni<Void> published(Message<List<String>> batch) {
        return published.consume(batch, stages::published);
    }

    /** Records of the other services' dead-letter topics: the original event, with the reason in the headers. */
    @Incoming("failures-in")
    public Uni<Void> failed(Message<List<String>> batch) {
        return failures.consume(batch, stages::deadLetters);
    }

    /** A report-published record: a publication, or a hold for review (by its type header, else its event id). */
    static PipelineEvent outcome(Message<String> record) {
        boolean held = PipelineEvents.header(record, Headers.CE_TYPE).map(EventTypes.HELD::equals)
                .orElseGet(() -> record.getPayload() != null && record.getPayload().contains("\"eventId\":\"held:"));
        return held ? PipelineEvents.read(record.getPayload(), ReportHeld.class)
                : PipelineEvents.read(record.getPayload(), ReportPublished.class);
    }

    /**
     * The dead letter a record reports, or null (logged) when it names no submission or no stage. Its payload is the
     * event that failed, of any type, or not even JSON: what it tells is read from the headers first.
     */
    static StageService.DeadLetter deadLetter(Message<String> record) {
        JsonNode event = lenient(record.getPayload());
        String submissionId = PipelineEvents.header(record, Headers.SUBMISSION_ID)
                .or(() -> text(event, "submissionId")).orElse("");
        String reason = PipelineEvents.header(record, Headers.DLQ_REASON).orElse("unknown failure");
        String dlqTopic = PipelineEvents.topic(record).orElse(null);
        Optional<Stage> blocked = Stage.blockedBy(dlqTopic)
                .or(() -> Stage.blockedBy(PipelineEvents.header(record, Headers.DLQ_TOPIC).orElse(null)));
        if (submissionId.isEmpty() || blocked.isEmpty()) {
            LOG.warnf("dead letter without submission id or known stage (topic %s): %s", dlqTopic, reason);
            return null;
        }
        String eventId = PipelineEvents.header(record, Headers.CE_ID).or(() -> text(event, "eventId")).orElse(submissionId);
        String type = PipelineEvents.header(record, Headers.CE_TYPE).orElse(blocked.get().name().toLowerCase());
        Integer round = blocked.get() == Stage.PUBLISHED && event != null && event.hasNonNull("validationRound") ? event.get("validationRound").asInt() : null;
        Instant at = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTimestamp).orElse(Instant.now());
        // One history entry per failed fact and reason: a replay failing again for another reason is recorded too.
        String id = "dead-letter:" + blocked.get() + ":" + eventId + ":" + Integer.toHexString(reason.hashCode());
        return new StageService.DeadLetter(id, type, submissionId, blocked.get(), round, reason, at);
    }

    private static JsonNode lenient(String payload) {
        try {
            return payload == null ? null : Json.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static Optional<String> text(JsonNode event, String field) {
        return event != null && event.hasNonNull(field) ? Optional.of(event.get(field).asText()) : Optional.empty();
    }
}
