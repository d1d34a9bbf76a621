package org.nianbao.publication.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A validated version held for review: its report-validated event, until it is published. */
@Entity
@Table(name = "review_hold")
public class ReviewHold extends PanacheEntityBase {
    @Id
    @Column(name = "submission_id")
    public String submissionId;
    @Column(name = "report_id")
    public String reportId;
    @Column(name = "agency_key")
    public String agencyKey;
    public String agency;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "report_year")
    public Integer year;
    public int revision;
    @Column(name = "validation_round")
    public int validationRound;
    @Column(name = "error_count")
    public int errorCount;
    @Column(name = "warning_count")
    public int warningCount;
    /** The report-validated event as received (JSON). */
    public String event;
    @Column(name = "held_at")
    public Instant heldAt;
    /** The round a reviewer approved; null: none yet. */
    @Column(name = "approved_round")
    public Integer approvedRound;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;

    /** True while its round waits for a reviewer. */
    public boolean awaitsReview() {
        return approvedRound == null || approvedRound < validationRound;
    }
}
