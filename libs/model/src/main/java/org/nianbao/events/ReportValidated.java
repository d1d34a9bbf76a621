package org.nianbao.events;

import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;

import java.time.Instant;
import java.util.List;

/**
 * Validation checked a report. {@code validationRound} grows when a report is re-validated
 * (e.g. its previous-year report arrived later), so consumers keep the newest round.
 */
public record ReportValidated(String eventId, String submissionId, int revision, String agencyKey,
                              SubmissionMetadata metadata, Report report, List<Finding> findings,
                              int validationRound, Instant validatedAt) implements PipelineEvent {

    /** Round {@code validationRound} of a submission's validation: one id per submission, revision and round. */
    public static ReportValidated of(String submissionId, int revision, String agencyKey, SubmissionMetadata metadata,
                                     Report report, List<Finding> findings, int validationRound, Instant validatedAt) {
        return new ReportValidated("validated:" + submissionId + ":" + revision + ":" + validationRound, submissionId,
                revision, agencyKey, metadata, report, findings, validationRound, validatedAt);
    }

    /** How many findings have this severity. */
    public int count(Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    @Override
    public String eventType() {
        return EventTypes.VALIDATED;
    }

    @Override
    public String topic() {
        return Topics.REPORT_VALIDATED;
    }
}
