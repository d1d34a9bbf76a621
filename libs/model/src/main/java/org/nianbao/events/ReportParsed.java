package org.nianbao.events;

import org.nianbao.model.Report;

import java.time.Instant;

/**
 * Extraction read the document into the canonical model (problems included). Its metadata is the platform's,
 * completed from the document; its key is the agency that metadata names.
 */
public record ReportParsed(String eventId, String submissionId, int revision, String agencyKey,
                           SubmissionMetadata metadata, Report report, Instant parsedAt) implements PipelineEvent {

    /** The reading of a submitted document. */
    public static ReportParsed of(ReportSubmitted submitted, Report report, Instant parsedAt) {
        SubmissionMetadata metadata = (submitted.metadata() == null ? SubmissionMetadata.empty() : submitted.metadata())
                .completedFrom(report);
        return new ReportParsed("parsed:" + submitted.submissionId() + ":" + submitted.revision(), submitted.submissionId(),
                submitted.revision(), metadata.agencyKey(), metadata, report, parsedAt);
    }

    @Override
    public String eventType() {
        return EventTypes.PARSED;
    }

    @Override
    public String topic() {
        return Topics.REPORT_PARSED;
    }
}
