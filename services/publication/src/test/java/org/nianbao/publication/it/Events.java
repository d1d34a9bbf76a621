package org.nianbao.publication.it;

import org.nianbao.events.AgencyKey;
import org.nianbao.events.ReportValidated;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.model.ActiveDisclosure;
import org.nianbao.model.Applications;
import org.nianbao.model.Finding;
import org.nianbao.model.IssuerType;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;
import org.nianbao.model.ReviewLitigation;
import org.nianbao.model.Severity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** report-validated events as validation sends them, for the publication tests. */
final class Events {
    private Events() {
    }

    /** Round {@code round} of {@code agency}'s 2024 report (revision 1), with {@code errors} error findings on C-01. */
    static ReportValidated validated(String agency, String submission, int round, int errors) {
        return validated(agency, "320800", submission, 1, round, errors, 10);
    }

    /**
     * Round {@code round} of revision {@code revision} of {@code agency}'s 2024 report in region {@code region}, with
     * {@code errors} error findings and {@code received} applications (its cells tell versions apart).
     */
    static ReportValidated validated(String agency, String region, String submission, int revision, int round, int errors,
                                     long received) {
        Report r = new Report();
        r.format = ReportFormat.F2021;
        r.title = agency + "2024年政府信息公开工作年度报告";
        r.agency = agency;
        r.year = 2024;
        r.active = ActiveDisclosure.blank(ReportFormat.F2021);
        r.applications = Applications.blank(true);
        r.applications.rows.put("newReceived", Arrays.asList(received - 1, 1L, 0L, 0L, 0L, 0L, received));
        r.reviewLitigation = new ReviewLitigation();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < errors; i++) {
            findings.add(Finding.of("C-01", Severity.ERROR, List.of("applications.rows.newReceived[6]"), 10, 11,
                    "合计与各项之和不符", "The total differs from the sum of its parts"));
        }
        findings.add(Finding.of("A-02", Severity.WARNING, List.of(), null, null, "提示", "A hint"));
        SubmissionMetadata metadata = new SubmissionMetadata(agency, null, region, IssuerType.DEPARTMENT, 2024,
                LocalDate.of(2025, 1, 20), "https://example.gov.cn/report.pdf");
        return ReportValidated.of(submission, revision, AgencyKey.of(null, agency), metadata, r, findings, round, Instant.now());
    }
}
