package org.nianbao.events;

import org.nianbao.model.Report;

import java.time.Instant;

/** Extraction read the document into the canonical model (problems included). */
public record ReportParsed(String eventId, String submissionId, int revision, String agencyKey,
                           SubmissionMetadata metadata, Report report, Instant parsedAt) {
}
