package org.nianbao.intake.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An event written in the same transaction as the state it announces, sent to Kafka afterwards (the outbox pattern):
 * the row describes itself as the event does.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase implements org.nianbao.events.PipelineEvent {
    @Id
    public String id;
    public String topic;
    @Column(name = "event_key")
    public String eventKey;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "submission_id")
    public String submissionId;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    public int attempts;
    /** Until when a relay has claimed the row to send it (null: not claimed). */
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    /** W3C trace context of the request that wrote the row (null when tracing is off). */
    public String traceparent;
    public String tracestate;

    /** The row of an event, with the trace context of the current request (sent later as part of its trace). */
    public static OutboxEvent of(org.nianbao.events.PipelineEvent event, String json, java.util.Map<String, String> trace) {
        OutboxEvent row = new OutboxEvent();
        row.id = event.eventId();
        row.topic = event.topic();
        row.eventKey = event.agencyKey();
        row.eventType = event.eventType();
        row.submissionId = event.submissionId();
        row.payload = json;
        row.createdAt = Instant.now();
        row.traceparent = trace.get(org.nianbao.messaging.TraceContext.TRACEPARENT);
        row.tracestate = trace.get(org.nianbao.messaging.TraceContext.TRACESTATE);
        return row;
    }

    @Override
    public String eventId() {
        return id;
    }

    @Override
    public String submissionId() {
        return submissionId;
    }

    @Override
    public String agencyKey() {
        return eventKey;
    }

    @Override
    public String eventType() {
        return eventType;
    }

    @Override
    public String topic() {
        return topic;
    }
}
