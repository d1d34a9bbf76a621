package org.nianbao.validation;

import org.nianbao.events.SubmissionMetadata;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What one validation run looks at, and the findings it collects. */
final class Check {
    final Report report;
    final Report previous;
    final SubmissionMetadata metadata;
    final ValidationConfig config;
    final List<Finding> findings = new ArrayList<>();

    Check(Report report, SubmissionMetadata metadata, Report previous, ValidationConfig config) {
        this.report = report;
        this.metadata = metadata == null ? SubmissionMetadata.empty() : metadata;
        this.previous = previous;
        this.config = config;
    }

    Integer year() {
        return metadata.year() != null ? metadata.year() : report.year;
    }

    LocalDate publishedOn() {
        return metadata.publishedOn() != null ? metadata.publishedOn() : report.publishedOn;
    }

    boolean unreadable(String path) {
        return report.extraction.problems.stream().anyMatch(p -> !p.path().isEmpty() && path.startsWith(p.path()));
    }

    void add(String rule, Severity severity, List<String> paths, Object expected, Object actual, String zh, String en) {
        findings.add(Finding.of(rule, severity, paths, expected, actual, zh, en));
    }

    void error(String rule, List<String> paths, Object expected, Object actual, String zh, String en) {
        add(rule, Severity.ERROR, paths, expected, actual, zh, en);
    }

    void warning(String rule, List<String> paths, Object expected, Object actual, String zh, String en) {
        add(rule, Severity.WARNING, paths, expected, actual, zh, en);
    }

    void info(String rule, List<String> paths, Object expected, Object actual, String zh, String en) {
        add(rule, Severity.INFO, paths, expected, actual, zh, en);
    }
}
