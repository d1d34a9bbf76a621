package org.nianbao.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.time.Instant;
import java.util.UUID;

/**
 * Intake stored a submission (or an administrator replayed it). The document itself stays in intake's store and
 * is fetched from {@code document.url}, unless it is small enough to travel in the event ({@code document.content}),
 * so events stay small whatever the document's size. Each sending is a new fact with a new id: a replay is read again.
 */
public record ReportSubmitted(String eventId, String submissionId, int revision, String agencyKey,
                              String platform, SubmissionMetadata metadata, DocumentRef document,
                              Instant submittedAt) implements PipelineEvent {

    /** The stored document: where to fetch it, and its bytes when they travel in the event (base64 in JSON; else absent). */
    public record DocumentRef(String fileName, String contentType, long size, String sha256, String url,
                              @JsonInclude(JsonInclude.Include.NON_NULL)
                              @JsonSerialize(using = Base64Bytes.Serializer.class)
                              @JsonDeserialize(using = Base64Bytes.Deserializer.class) byte[] content) {
        /** A document fetched from {@code url}. */
        public DocumentRef(String fileName, String contentType, long size, String sha256, String url) {
            this(fileName, contentType, size, sha256, url, null);
        }

        /** The same document, its bytes travelling in the event. */
        public DocumentRef with(byte[] bytes) {
            return new DocumentRef(fileName, contentType, size, sha256, url, bytes);
        }
    }

    /** A new sending of a stored submission. */
    public static ReportSubmitted of(String submissionId, int revision, String agencyKey, String platform,
                                     SubmissionMetadata metadata, DocumentRef document, Instant submittedAt) {
        return new ReportSubmitted("submitted:" + submissionId + ":" + UUID.randomUUID(), submissionId, revision,
                agencyKey, platform, metadata, document, submittedAt);
    }

    /** The same event with its document's bytes travelling in it. */
    public ReportSubmitted withDocumentContent(byte[] content) {
        return new ReportSubmitted(eventId, submissionId, revision, agencyKey, platform, metadata, document.with(content), submittedAt);
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
