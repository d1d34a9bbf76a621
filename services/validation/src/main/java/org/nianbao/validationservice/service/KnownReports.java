package org.nianbao.validationservice.service;

import org.nianbao.validationservice.model.ValidatedReport;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The stored reports a batch of validations reads and changes, loaded together: the batch's submissions and their
 * agencies' neighbouring years. Reports stored by the batch's earlier events are added, so its later events see them
 * as they would see them in the database.
 */
final class KnownReports {
    private final Map<String, ValidatedReport> bySubmission = new LinkedHashMap<>();

    KnownReports(Collection<ValidatedReport> stored) {
        stored.forEach(this::add);
    }

    /** The stored report of a submission, or null. */
    ValidatedReport bySubmission(String submissionId) {
        return bySubmission.get(submissionId);
    }

    void add(ValidatedReport report) {
        bySubmission.put(report.submissionId, report);
    }

    /** As {@code ValidatedReportRepository.latest}: the newest revision of an agency's report for a year, or null. */
    ValidatedReport latest(String agencyKey, Integer year) {
        if (!CrossYear.comparable(agencyKey, year)) {
            return null;
        }
        return bySubmission.values().stream()
                .filter(r -> agencyKey.equals(r.agencyKey) && Objects.equals(year, r.year))
                .min(CrossYear.NEWEST_ROW_FIRST)
                .orElse(null);
    }
}
