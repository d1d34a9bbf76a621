package org.nianbao.events;

import org.nianbao.model.Severity;

import java.time.Instant;

/**
 * Publication holds round {@code validationRound} of a submission's report for review (its platform reviews first,
 * {@link ReviewPolicy}): it reaches the public when a reviewer approves it, and a report-published follows. Sent on
 * the report-published topic, beside the publications it precedes, so one consumer sees a submission's outcomes in order.
 */
public record ReportHeld(String eventId, String submissionId, String reportId, String agencyKey,
                         int errors, int warnings, int validationRound, Instant heldAt) implements PipelineEvent {

    /** The hold of a validated round for report {@code reportId}: one id per submission and round. */
    public static ReportHeld of(ReportValidated validated, String reportId, Instant heldAt) {
        return new ReportHeld("held:" + validated.submissionId() + ":" + validated.validationRound(),
                validated.submissionId(), reportId, validated.agencyKey(), validated.count(Severity.ERROR),
                validated.count(Severity.WARNING), validated.validationRound(), heldAt);
    }

    @Override
    public String eventType() {
        return EventTypes.HELD;
    }

    @Override
    public String topic() {
        return Topics.REPORT_PUBLISHED;
    }
}
