package org.nianbao.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.nianbao.model.IssuerType;
import org.nianbao.model.Report;

import java.time.LocalDate;

/**
 * What the platform said about a report when submitting it; any field may be {@code null}
 * (extraction fills what it can read from the document, {@link #completedFrom}). {@code review} is the platform's
 * review policy when it was submitted (null: publish at once; absent from events of before the review gate).
 */
public record SubmissionMetadata(String agency, String agencyCode, String regionCode, IssuerType issuerType,
                                 Integer year, LocalDate publishedOn, String sourceUrl,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) ReviewPolicy review) {

    /** What a platform said, before its review policy is known. */
    public SubmissionMetadata(String agency, String agencyCode, String regionCode, IssuerType issuerType,
                              Integer year, LocalDate publishedOn, String sourceUrl) {
        this(agency, agencyCode, regionCode, issuerType, year, publishedOn, sourceUrl, null);
    }

    public static SubmissionMetadata empty() {
        return new SubmissionMetadata(null, null, null, null, null, null, null);
    }

    /** The same metadata under this review policy. */
    public SubmissionMetadata reviewed(ReviewPolicy policy) {
        return new SubmissionMetadata(agency, agencyCode, regionCode, issuerType, year, publishedOn, sourceUrl, policy);
    }

    /** The review policy, publish at once when none was given. */
    @JsonIgnore
    public ReviewPolicy reviewPolicy() {
        return review == null ? ReviewPolicy.PUBLISH_AT_ONCE : review;
    }

    /** This metadata, with what the platform left out (agency, year, publication date) taken from the report. */
    public SubmissionMetadata completedFrom(Report report) {
        if (report == null) {
            return this;
        }
        return new SubmissionMetadata(agency != null ? agency : report.agency, agencyCode, regionCode, issuerType,
                year != null ? year : report.year, publishedOn != null ? publishedOn : report.publishedOn, sourceUrl, review);
    }

    /** The Kafka key of the agency this metadata names ({@link AgencyKey}). */
    @JsonIgnore
    public String agencyKey() {
        return AgencyKey.of(agencyCode, agency);
    }
}
