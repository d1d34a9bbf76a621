package org.nianbao.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.nianbao.intake.model.Submission;
import org.nianbao.intake.model.SubmissionEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a platform sees of a submission. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionView(String id, String status, String statusUrl, String reportId, String reportUrl,
                             int revision, Boolean duplicate, String agency, String agencyCode, String regionCode,
                             String issuerType, Integer year, LocalDate publishedOn, String fileName, long size,
                             String sha256, Map<String, Instant> stages, Integer errors, Integer warnings,
                             Integer validationRound, @JsonRawValue String findings, String failureReason,
                             List<HistoryEntry> history) {

    /**
     * One event or dead letter received about the submission, newest last; {@code applied} false when it changed
     * nothing (a redelivery, an older round, a dead letter of a stage the submission had passed).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(String type, String stage, Integer validationRound, Instant occurredAt, boolean applied,
                               String detail) {
    }

    /** This view with the submission's history. */
    public SubmissionView withHistory(List<SubmissionEvent> events) {
        return new SubmissionView(id, status, statusUrl, reportId, reportUrl, revision, duplicate, agency, agencyCode, regionCode,
                issuerType, year, publishedOn, fileName, size, sha256, stages, errors, warnings, validationRound, findings,
                failureReason, events.stream().map(e -> new HistoryEntry(e.type, e.stage.name(), e.validationRound, e.occurredAt,
                e.applied, e.detail)).toList());
    }

    public static SubmissionView of(Submission s, Boolean duplicate, String publicationUrl) {
        Map<String, Instant> stages = new LinkedHashMap<>();
        stages.put("RECEIVED", s.receivedAt);
        putIfSet(stages, "PARSED", s.parsedAt);
        putIfSet(stages, "VALIDATED", s.validatedAt);
        putIfSet(stages, "IN_REVIEW", s.heldAt);
        putIfSet(stages, "PUBLISHED", s.publishedAt);
        putIfSet(stages, "FAILED", s.failedAt);
        return new SubmissionView(s.id, s.status.name(), "/api/v1/submissions/" + s.id, s.reportId,
                s.reportId == null ? null : publicationUrl + "/api/v1/reports/" + s.reportId,
                s.revision, duplicate, s.agency, s.agencyCode, s.regionCode, s.issuerType, s.year, s.publishedOn,
                s.fileName, s.sizeBytes, s.sha256, stages, s.errorCount, s.warningCount,
                s.validationRound == 0 ? null : s.validationRound, s.findings, s.failureReason, null);
    }

    private static void putIfSet(Map<String, Instant> stages, String stage, Instant at) {
        if (at != null) {
            stages.put(stage, at);
        }
    }
}
