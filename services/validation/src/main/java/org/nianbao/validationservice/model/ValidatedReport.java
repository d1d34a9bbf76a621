package org.nianbao.validationservice.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A report as validation last saw it, with its findings (stored and queried by {@code ValidatedReportRepository}). */
@Entity
@Table(name = "validated_report")
public class ValidatedReport extends PanacheEntityBase {
    @Id
    @Column(name = "submission_id")
    public String submissionId;
    @Column(name = "agency_key")
    public String agencyKey;
    @Column(name = "report_year")
    public Integer year;
    public int revision;
    /** SubmissionMetadata as JSON. */
    public String metadata;
    /** The canonical model as JSON. */
    public String report;
    /** The findings as JSON. */
    public String findings;
    @Column(name = "validation_round")
    public int validationRound;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "validated_at")
    public Instant validatedAt;
    /** The previous-year report this one was last validated against ({@code CrossYear.fingerprint}), or null. */
    @Column(name = "validated_against")
    public String validatedAgainst;
}
