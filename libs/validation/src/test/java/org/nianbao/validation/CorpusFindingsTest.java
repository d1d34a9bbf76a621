package org.nianbao.validation;

import org.junit.jupiter.api.Test;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.model.Severity;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real violations of the corpus are found, and the clean real reports raise no error. */
class CorpusFindingsTest {
    private final ReportValidator validator = new ReportValidator(ValidationConfig.defaults());

    @Test
    void hongze2023PartFourTotalsAreWrongAsPublished() {
        Report r = Reports.real("hongze-district-2023");
        List<Finding> c04 = validator.validate(r, null, null).stream().filter(f -> f.rule().equals("C-04")).toList();
        // printed: 复议 10 1 0 0 0 and 复议后起诉 5 0 0 0 0
        assertThat(c04).extracting(f -> f.paths().get(f.paths().size() - 1))
                .containsExactly("reviewLitigation.review.total", "reviewLitigation.litigationAfterReview.total");
        assertThat(c04).extracting(Finding::expected).containsExactly(11L, 5L);
        assertThat(c04).extracting(Finding::actual).containsExactly(0L, 0L);
    }

    @Test
    void hongze2024ProseCountsOnlyTheGovernmentOffice() {
        Report r = Reports.real("hongze-district-2024");
        List<Finding> findings = validator.validate(r, new SubmissionMetadata("淮安市洪泽区人民政府", null, "320813", org.nianbao.model.IssuerType.COUNTY,
                null, LocalDate.of(2025, 2, 18), null), Reports.real("hongze-district-2023"));
        assertThat(findings).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("D-01");
            assertThat(f.actual()).isEqualTo(17L);
            assertThat(f.expected()).isEqualTo(95L);
        });
        // 2023 carried forward 0 in every column = 2024 carried over
        assertThat(findings).noneMatch(f -> f.rule().equals("F-01"));
    }

    @Test
    void huaian2024IsClean() {
        Report r = Reports.real("huaian-city-2024");
        List<Finding> findings = validator.validate(r, new SubmissionMetadata("淮安市人民政府", null, "320800", org.nianbao.model.IssuerType.PREFECTURE,
                null, LocalDate.of(2025, 3, 6), null), null);
        assertThat(findings).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void seed2021ReportWithoutAFeeStatementIsFlagged() {
        Report r = Reports.seed("001_43d6c315cbc0f57d");
        assertThat(validator.validate(r, null, null)).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("D-04");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
    }
}
