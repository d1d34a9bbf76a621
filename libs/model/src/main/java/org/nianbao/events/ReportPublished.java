package org.nianbao.events;

import java.time.Instant;

/** Publication stored a report; {@code errors} counts its error findings. */
public record ReportPublished(String eventId, String submissionId, String reportId, String agencyKey,
                              int errors, int warnings, Instant publishedAt) {
}
