package org.nianbao.messaging;

import org.junit.jupiter.api.Test;
import org.nianbao.events.ReportValidated;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.model.Applications;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A consumer that follows the stages reads their events whole but for the report. */
class ReadWithoutReportTest {

    @Test
    void everythingButTheReportIsRead() {
        Report report = new Report();
        report.title = "某局2024年政府信息公开工作年度报告";
        report.applications = Applications.blank(true);
        SubmissionMetadata metadata = new SubmissionMetadata("某局", null, "320800", null, 2024, null, null);
        List<Finding> findings = List.of(Finding.of("C-01", Severity.ERROR, List.of("applications.rows.newReceived[6]"), 10, 11,
                "合计与各项之和不符", "The total differs from the sum of its parts"));
        ReportValidated sent = ReportValidated.of("sub-1", 2, "name:abc", metadata, report, findings, 3, Instant.parse("2025-01-20T08:00:00Z"));

        ReportValidated read = PipelineEvents.readWithoutReport(PipelineEvents.toJson(sent), ReportValidated.class);

        assertThat(read.report()).isNull();
        assertThat(read).usingRecursiveComparison().ignoringFields("report").isEqualTo(sent);
        assertThat(read.count(Severity.ERROR)).isEqualTo(1);
        // the shared reader still reads the report
        assertThat(PipelineEvents.read(PipelineEvents.toJson(sent), ReportValidated.class).report().title).isEqualTo(report.title);
    }

    @Test
    void aMalformedEventIsStillAPermanentFailure() {
        assertThatThrownBy(() -> PipelineEvents.readWithoutReport("{\"submissionId\": ", ReportValidated.class))
                .isInstanceOf(Transience.MalformedEventException.class);
    }
}
