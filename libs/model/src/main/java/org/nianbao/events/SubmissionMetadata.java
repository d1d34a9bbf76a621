package org.nianbao.events;

import java.time.LocalDate;

/**
 * What the platform said about a report when submitting it; any field may be {@code null}
 * (extraction fills what it can read from the document).
 */
public record SubmissionMetadata(String agency, String agencyCode, String regionCode, String issuerType,
                                 Integer year, LocalDate publishedOn, String sourceUrl) {

    public static SubmissionMetadata empty() {
        return new SubmissionMetadata(null, null, null, null, null, null, null);
    }
}
