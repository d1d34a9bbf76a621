package org.nianbao.events;

import org.nianbao.model.Finding;
import org.nianbao.model.Report;

import java.time.Instant;
import java.util.List;

/**
 * Validation checked a report. {@code validationRound} grows when a report is re-validated
 * (e.g. its previous-year report arrived later), so consumers keep the newest round.
 */
public record ReportValidated(String eventId, String submissionId, int revision, String agencyKey,
                              SubmissionMetadata metadata, Report report, List<Finding> findings,
                              int validationRound, Instant validatedAt) {
}
