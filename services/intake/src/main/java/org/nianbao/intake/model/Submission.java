package org.nianbao.intake.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.DynamicUpdate;
import org.nianbao.events.ReviewPolicy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One submitted document and the stage it reached in the pipeline. Each stage's update writes only the columns it
 * changed ({@code @DynamicUpdate}): a submission is updated three times on its way, and its findings need not be
 * written again each time.
 */
@Entity
@DynamicUpdate
public class Submission extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "platform_id")
    public String platformId;
    public String agency;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "issuer_type")
    public String issuerType;
    @Column(name = "report_year")
    public Integer year;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Column(name = "source_url")
    public String sourceUrl;
    @Column(name = "agency_key")
    public String agencyKey;
    public int revision;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public String sha256;
    @Enumerated(EnumType.STRING)
    public Stage status;
    @Column(name = "report_id")
    public String reportId;
    /** The findings of the latest validation, as JSON. */
    public String findings;
    @Column(name = "error_count")
    public Integer errorCount;
    @Column(name = "warning_count")
    public Integer warningCount;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "parsed_at")
    public Instant parsedAt;
    @Column(name = "validated_at")
    public Instant validatedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "failed_at")
    public Instant failedAt;
    /** When publication held it for review (its platform reviews first); null if never. */
    @Column(name = "held_at")
    public Instant heldAt;
    /** The validation round the findings and counts come from (0: none yet). */
    @Column(name = "validation_round")
    public int validationRound;
    /** The validation round of the published report (0: none published). */
    @Column(name = "published_round")
    public int publishedRound;
    /** Its platform's review policy when it was submitted (what publication follows, also on replay). */
    @Column(name = "review_policy")
    @Enumerated(EnumType.STRING)
    public ReviewPolicy reviewPolicy = ReviewPolicy.PUBLISH_AT_ONCE;
    /** While FAILED: the stage the failure blocked (PARSED for extraction, VALIDATED, PUBLISHED). */
    @Enumerated(EnumType.STRING)
    @Column(name = "failed_stage")
    public Stage failedStage;

    /** What the platform said about the report (the metadata its events carry). */
    public org.nianbao.events.SubmissionMetadata metadata() {
        return new org.nianbao.events.SubmissionMetadata(agency, agencyCode, regionCode,
                org.nianbao.model.IssuerType.parse(issuerType).orElse(null), year, publishedOn, sourceUrl, reviewPolicy);
    }

    /** Takes the platform's metadata over. */
    public void apply(org.nianbao.events.SubmissionMetadata m) {
        agency = m.agency();
        agencyCode = m.agencyCode();
        regionCode = m.regionCode();
        issuerType = m.issuerType() == null ? null : m.issuerType().code();
        year = m.year();
        publishedOn = m.publishedOn();
        sourceUrl = m.sourceUrl();
    }
}
