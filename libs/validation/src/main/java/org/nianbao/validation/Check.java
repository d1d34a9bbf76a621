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
    /** What the reader could not read in the report, and in the previous year's report (null when there is none). */
    final Unread unread;
    final Unread previousUnread;
    final List<Finding> findings = new ArrayList<>();

    Check(Report report, SubmissionMetadata metadata, Report previous, ValidationConfig config) {
        this.report = report;
        this.metadata = metadata == null ? SubmissionMetadata.empty() : metadata;
        this.previous = previous;
        this.config = config;
        this.unread = Unread.of(report);
        this.previousUnread = Unread.of(previous);
    }

    Integer year() {
        return metadata.year() != null ? metadata.year() : report.year;
    }

    LocalDate publishedOn() {
        return metadata.publishedOn() != null ? metadata.publishedOn() : report.publishedOn;
    }

    /** True when a finding on this path would rest on something the reader could not read. */
    boolean unread(String path) {
        return unread.has(path);
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
