package org.nianbao.events;

import org.nianbao.model.IssuerType;
import org.nianbao.model.Report;

import java.time.LocalDate;

/**
 * What the platform said about a report when submitting it; any field may be {@code null}
 * (extraction fills what it can read from the document, {@link #completedFrom}).
 */
public record SubmissionMetadata(String agency, String agencyCode, String regionCode, IssuerType issuerType,
                                 Integer year, LocalDate publishedOn, String sourceUrl) {

    public static SubmissionMetadata empty() {
        return new SubmissionMetadata(null, null, null, null, null, null, null);
    }

    /** This metadata, with what the platform left out (agency, year, publication date) taken from the report. */
    public SubmissionMetadata completedFrom(Report report) {
        if (report == null) {
            return this;
        }
        return new SubmissionMetadata(agency != null ? agency : report.agency, agencyCode, regionCode, issuerType,
                year != null ? year : report.year, publishedOn != null ? publishedOn : report.publishedOn, sourceUrl);
    }

    /** The Kafka key of the agency this metadata names ({@link AgencyKey}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String agencyKey() {
        return AgencyKey.of(agencyCode, agency);
    }
}
