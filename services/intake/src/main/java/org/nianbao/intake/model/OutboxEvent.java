package org.nianbao.intake.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An event written in the same transaction as the state it announces, sent to Kafka afterwards. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
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
    /** W3C trace context of the request that wrote the row (null when tracing is off). */
    public String traceparent;
    public String tracestate;
}
