package org.nianbao.events;

import org.nianbao.model.Severity;

import java.time.Instant;

/**
 * Publication stored round {@code validationRound} of a submission's report; {@code errors} and {@code warnings}
 * count that round's findings.
 */
public record ReportPublished(String eventId, String submissionId, String reportId, String agencyKey,
                             int errors, int warnings, int validationRound, Instant publishedAt) implements PipelineEvent {

    /** The publication of a validated round as report {@code reportId}: one id per submission and round. */
    public static ReportPublished of(ReportValidated validated, String reportId, Instant publishedAt) {
        return new ReportPublished("published:" + validated.submissionId() + ":" + validated.validationRound(),
                validated.submissionId(), reportId, validated.agencyKey(), validated.count(Severity.ERROR),
                validated.count(Severity.WARNING), validated.validationRound(), publishedAt);
    }

    @Override
    public String eventType() {
        return EventTypes.PUBLISHED;
    }

    @Override
    public String topic() {
        return Topics.REPORT_PUBLISHED;
    }
}
