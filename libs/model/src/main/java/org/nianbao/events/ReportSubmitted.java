package org.nianbao.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Intake stored a submission (or an administrator replayed it). The document itself stays in intake's store and
 * is fetched from {@code document.url}; events stay small whatever the document's size. Each sending is a new
 * fact with a new id: a replay is read again.
 */
public record ReportSubmitted(String eventId, String submissionId, int revision, String agencyKey,
                              String platform, SubmissionMetadata metadata, DocumentRef document,
                              Instant submittedAt) implements PipelineEvent {

    public record DocumentRef(String fileName, String contentType, long size, String sha256, String url) {
    }

    /** A new sending of a stored submission. */
    public static ReportSubmitted of(String submissionId, int revision, String agencyKey, String platform,
                                     SubmissionMetadata metadata, DocumentRef document, Instant submittedAt) {
        return new ReportSubmitted("submitted:" + submissionId + ":" + UUID.randomUUID(), submissionId, revision,
                agencyKey, platform, metadata, document, submittedAt);
    }

    @Override
    public String eventType() {
        return EventTypes.SUBMITTED;
    }

    @Override
    public String topic() {
        return Topics.REPORT_SUBMITTED;
    }
}
