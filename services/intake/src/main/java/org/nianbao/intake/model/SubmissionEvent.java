package org.nianbao.intake.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One event or dead letter received about a submission, and whether it changed what the submission shows. */
@Entity
@Table(name = "submission_event")
public class SubmissionEvent extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public String eventId;
    /** Arrival order (newest last). */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "submission_id")
    public String submissionId;
    public String type;
    @Enumerated(EnumType.STRING)
    public Stage stage;
    @Column(name = "validation_round")
    public Integer validationRound;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public boolean applied;
    public String detail;

    public static SubmissionEvent of(String eventId, String submissionId, String type, Stage stage, Integer validationRound,
                                     Instant occurredAt, boolean applied, String detail) {
        SubmissionEvent e = new SubmissionEvent();
        e.eventId = eventId;
        e.submissionId = submissionId;
        e.type = type;
        e.stage = stage;
        e.validationRound = validationRound;
        e.occurredAt = occurredAt;
        e.applied = applied;
        e.detail = detail;
        return e;
    }
}
