package org.nianbao.validation;

import org.nianbao.events.SubmissionMetadata;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;

import java.util.List;

/**
 * Applies the rule catalogue (docs/validation-rules.md, families A to F) to a report, with the same
 * agency's previous-year report for the cross-year rules when known. What the reader could not read is one
 * X-01 finding for the platform, and no rule of B to F rests on it (see {@link Unread}).
 */
public final class ReportValidator {
    private final ValidationConfig config;

    public ReportValidator(ValidationConfig config) {
        this.config = config;
    }

    /** Every finding on the report; metadata and previousYear may be null. */
    public List<Finding> validate(Report report, SubmissionMetadata metadata, Report previousYear) {
        Check check = new Check(report, metadata, previousYear, config);
        TimelinessRules.check(check);
        ExtractionRules.check(check);
        if (report.format == ReportFormat.LEGACY) {
            return List.copyOf(check.findings);
        }
        StructureRules.check(check);
        ArithmeticRules.check(check);
        ConsistencyRules.check(check);
        QualityRules.check(check);
        CrossYearRules.check(check);
        return List.copyOf(check.findings);
    }
}
