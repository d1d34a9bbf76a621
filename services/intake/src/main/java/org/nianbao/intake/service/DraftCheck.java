package org.nianbao.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.intake.client.ExtractionClient;
import org.nianbao.intake.client.PublicationClient;
import org.nianbao.intake.model.Platform;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;
import org.nianbao.validation.ReportValidator;
import org.nianbao.validation.ValidationSettings;
import org.nianbao.web.ProblemException;

import java.util.List;
import java.util.Optional;

/**
 * A draft check: the document read by the extraction service and checked by the validation rules (the cross-year ones
 * against the agency's published report of the year before) at once, stored and published nowhere. For an agency that
 * wants to see its findings before it files. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class DraftCheck {
    private static final Logger LOG = Logger.getLogger(DraftCheck.class);

    @Inject
    ExtractionClient extraction;
    @Inject
    PublicationClient publication;

    private final ReportValidator validator;

    @Inject
    DraftCheck(ValidationSettings settings) {
        validator = new ReportValidator(settings.toConfig());
    }

    /**
     * What the check found. {@code previousYear}: the published report the cross-year rules compared with (null: none
     * published); {@code previousYearUnavailable}: why it could not be asked, when it could not.
     */
    public record Result(SubmissionMetadata metadata, String agencyKey, String format, int errors, int warnings,
                         int extractionProblems, List<Finding> findings, String previousYearReportId,
                         String previousYearUnavailable, boolean stored) {
    }

    public Result check(Platform platform, SubmissionInput input) {
        String type = DocumentCheck.check(input.content(), input.fileName());
        SubmissionMetadata given = input.metadata();
        if (!platform.covers(given.regionCode())) {
            throw new ProblemException(403, "Forbidden", "Platform '" + platform.id + "' may only check reports of region "
                    + platform.regionPrefix + "*; this one names region " + (given.regionCode() == null ? "none (set regionCode)" : given.regionCode()) + ".");
        }
        Report report = extraction.extract(input.content(), input.fileName() != null ? input.fileName()
                : "document." + (type.equals("text") ? "txt" : type));
        SubmissionMetadata metadata = given.completedFrom(report);
        String agencyKey = metadata.agency() == null && metadata.agencyCode() == null ? null : metadata.agencyKey();
        Optional<PublicationClient.Published> previous = Optional.empty();
        String unavailable = null;
        if (agencyKey != null && metadata.year() != null) {
            try {
                previous = publication.report(agencyKey, metadata.year() - 1);
            } catch (PublicationClient.Unavailable e) {
                LOG.warnf("draft check without the previous year: %s", e.getMessage());
                unavailable = "The published reports could not be read (" + e.getMessage() + "): the cross-year rules did not"
                        + " compare with last year's report.";
            }
        }
        List<Finding> findings = validator.validate(report, metadata, previous.map(PublicationClient.Published::report).orElse(null));
        return new Result(metadata, agencyKey, report.format == null ? null : report.format.json(), count(findings, Severity.ERROR),
                count(findings, Severity.WARNING), report.extraction.problems.size(), findings,
                previous.map(PublicationClient.Published::reportId).orElse(null), unavailable, false);
    }

    private static int count(List<Finding> findings, Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }
}
