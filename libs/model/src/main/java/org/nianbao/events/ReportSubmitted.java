package org.nianbao.events;

import java.time.Instant;

/**
 * Intake stored a submission. The document itself stays in intake's store and is fetched from
 * {@code documentUrl}; events stay small whatever the document's size.
 */
public record ReportSubmitted(String eventId, String submissionId, int revision, String agencyKey,
                              String platform, SubmissionMetadata metadata, DocumentRef document,
                              Instant submittedAt) {

    public record DocumentRef(String fileName, String contentType, long size, String sha256, String url) {
    }
}
