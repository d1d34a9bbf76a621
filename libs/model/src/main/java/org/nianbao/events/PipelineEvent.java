package org.nianbao.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An event that describes itself, as Debezium's {@code ExportedEvent} does: whoever sends it takes its id, type,
 * Kafka key and submission from the event, never spells them out by hand.
 */
public interface PipelineEvent {
    /** Unique per fact, so a consumer recognises a redelivery: the same fact always has the same id. */
    String eventId();

    /** The submission the event is about (the correlation header of every record). */
    String submissionId();

    /** The Kafka key: every event of one agency lands in one partition, in order. */
    String agencyKey();

    /** The CloudEvents {@code type}, one of {@link EventTypes}. */
    @JsonIgnore
    String eventType();

    /** The topic the event is published on, one of {@link Topics}. */
    @JsonIgnore
    String topic();
}
