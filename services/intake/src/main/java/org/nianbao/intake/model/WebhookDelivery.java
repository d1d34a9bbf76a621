package org.nianbao.intake.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** One webhook call to make, retried with exponential backoff until delivered or given up. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {
    public static final int MAX_ATTEMPTS = 10;
    /** next_attempt_at of a delivery given up after MAX_ATTEMPTS. */
    public static final Instant GAVE_UP = Instant.parse("9999-12-31T00:00:00Z");

    @Id
    public String id;
    @Column(name = "platform_id")
    public String platformId;
    @Column(name = "submission_id")
    public String submissionId;
    public String url;
    public String payload;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;

    /** Records a failed attempt and schedules the next: 2 s, 4 s, 8 s … capped at 30 minutes. */
    public void failed(String error, Instant now) {
        attempts++;
        lastError = error;
        long delay = Math.min(Duration.ofMinutes(30).toSeconds(), 1L << Math.min(attempts, 20));
        nextAttemptAt = attempts >= MAX_ATTEMPTS ? GAVE_UP : now.plusSeconds(delay);
    }
}
