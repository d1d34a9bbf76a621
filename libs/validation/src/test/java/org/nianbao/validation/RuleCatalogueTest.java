package org.nianbao.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.model.Applications;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;
import org.nianbao.model.ReviewLitigation;
import org.nianbao.model.Severity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule fires on a report that breaks it and stays silent on one that does not. */
class RuleCatalogueTest {
    private final ReportValidator validator = new ReportValidator(ValidationConfig.defaults());

    private List<Finding> validate(Report r) {
        return validator.validate(r, null, null);
    }

    private List<Finding> validate(Report r, String issuerType, LocalDate published) {
        return validator.validate(r, new SubmissionMetadata(null, null, null, org.nianbao.model.IssuerType.of(issuerType), null, published, null), null);
    }

    private static List<Finding> only(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void theCleanReportRaisesNoErrorAndNoWarning() {
        List<Finding> findings = validate(Reports.clean2021(), "prefecture", LocalDate.of(2024, 3, 8));
        assertThat(findings).allMatch(f -> f.severity() == Severity.INFO, "only information: " + findings);
    }

    @ParameterizedTest
    @CsvSource({"department,2024-01-31,2024-02-01", "county,2024-02-20,2024-02-21", "prefecture,2024-03-10,2024-03-11",
            "province,2024-03-31,2024-04-01"})
    void aOneDeadlineByIssuerType(String type, LocalDate lastDay, LocalDate late) {
        assertThat(only(validate(Reports.clean2021(), type, lastDay), "A-01")).isEmpty();
        List<Finding> a01 = only(validate(Reports.clean2021(), type, late), "A-01");
        assertThat(a01).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.expected()).isEqualTo(lastDay.toString());
            assertThat(f.paths()).containsExactly("publishedOn");
        });
    }

    @Test
    void aOneUnknownIssuerWarnsAfterJanuaryAndFailsAfterMarch() {
        assertThat(only(validate(Reports.clean2021(), null, LocalDate.of(2024, 1, 31)), "A-01")).isEmpty();
        assertThat(only(validate(Reports.clean2021(), null, LocalDate.of(2024, 2, 1)), "A-01"))
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(only(validate(Reports.clean2021(), null, LocalDate.of(2024, 4, 1)), "A-01"))
                .extracting(Finding::severity).containsExactly(Severity.ERROR);
    }

    @Test
    void aTwoYearCoherence() {
        Report r = Reports.clean2021();
        r.title = "某某市人民政府2022年政府信息公开工作年度报告";
        assertThat(only(validate(r), "A-02")).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(only(validate(Reports.clean2021(), "county", LocalDate.of(2025, 1, 10)), "A-02"))
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(only(validate(Reports.clean2021(), "county", LocalDate.of(2024, 1, 10)), "A-02")).isEmpty();
    }

    @Test
    void aFiveMetadataContradictingTheDocument() {
        Report r = Reports.clean2021();
        assertThat(only(validator.validate(r, new SubmissionMetadata("某某市 人民政府", null, null, null, 2023, null, null), null),
                "A-05")).isEmpty();
        List<Finding> a05 = only(validator.validate(r, new SubmissionMetadata("另一县人民政府", null, null, null, 2022, null, null),
                null), "A-05");
        assertThat(a05).extracting(Finding::severity).containsExactly(Severity.WARNING, Severity.ERROR);
    }

    @Test
    void bOneFormatOfTheYear() {
        Report r = Reports.seed("004_8dd35ab5e340120f"); // a 2019-format report
        assertThat(only(validate(r), "B-01")).isEmpty();
        r.year = 2021;
        assertThat(only(validate(r), "B-01")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void bTwoSixParts() {
        Report r = Reports.clean2021();
        r.sections.problems = null;
        assertThat(only(validate(r), "B-02")).singleElement()
                .satisfies(f -> assertThat(f.paths()).containsExactly("sections.problems"));
    }

    @Test
    void bThreeFourSevenMissingTablesAndMixedFormat() {
        Report r = Reports.clean2021();
        r.active = null;
        r.reviewLitigation = null;
        assertThat(Reports.rules(validate(r))).contains("B-03", "B-07");
        Report mixed = Reports.clean2021();
        mixed.format = ReportFormat.MIXED;
        assertThat(only(validate(mixed), "B-04")).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(only(validate(Reports.clean2021()), "B-04")).isEmpty();
    }

    @Test
    void bNineBlankCellsAreOneWarningPerPart() {
        Report r = Reports.clean2021();
        r.applications.rows.get("granted").set(2, null);
        r.reviewLitigation.litigationDirect.other = null;
        List<Finding> b09 = only(validate(r), "B-09");
        assertThat(b09).hasSize(2);
        assertThat(b09.get(0).paths()).containsExactly("applications.rows.granted[2]");
        assertThat(only(validate(Reports.clean2021()), "B-09")).isEmpty();
    }

    @Test
    void cOneColumnIdentity() {
        Report r = Reports.clean2021();
        Reports.row(r, "carriedForward", 2, 0, 2);
        List<Finding> c01 = only(validate(r), "C-01");
        assertThat(c01).hasSize(2);
        assertThat(c01.get(0).expected()).isEqualTo(11L);
        assertThat(c01.get(0).actual()).isEqualTo(12L);
        assertThat(c01.get(0).message().zh()).contains("第一项加第二项之和（11）应等于第三项加第四项之和（12）");
    }

    @Test
    void cTwoRowTotalsAndABlankTotalIsMissingNotAMismatch() {
        Report r = Reports.clean2021();
        r.applications.rows.get("granted").set(6, 9L);
        assertThat(only(validate(r), "C-02")).singleElement().satisfies(f -> {
            assertThat(f.expected()).isEqualTo(8L);
            assertThat(f.actual()).isEqualTo(9L);
        });
        Report blank = Reports.clean2021();
        blank.applications.rows.get("granted").set(6, null);
        assertThat(only(validate(blank), "C-02")).singleElement().satisfies(f -> {
            assertThat(f.actual()).isNull();
            assertThat(f.message().zh()).contains("总计为空");
        });
    }

    @Test
    void cThreeOutcomeSums() {
        Report r = Reports.clean2021();
        Reports.row(r, "granted", 6, 1, 7);
        Reports.row(r, "denied.stateSecret", 1, 0, 1);
        assertThat(only(validate(r), "C-03")).isEmpty();
        Reports.row(r, "denied.stateSecret", 2, 0, 2);
        assertThat(only(validate(r), "C-03")).isNotEmpty();
    }

    @Test
    void cFourGroupTotals() {
        Report r = Reports.clean2021();
        r.reviewLitigation.review = new ReviewLitigation.Group(10L, 1L, 0L, 0L, 0L);
        assertThat(only(validate(r), "C-04")).singleElement().satisfies(f -> {
            assertThat(f.expected()).isEqualTo(11L);
            assertThat(f.actual()).isEqualTo(0L);
            assertThat(f.paths()).contains("reviewLitigation.review.total");
        });
    }

    @Test
    void cFiveToSevenPartTwoDomainAndStocks() {
        Report r = Reports.clean2021();
        r.active.set("licensing", "decisions", new BigDecimal("-3"));
        r.active.set("rules", "inForce", new BigDecimal("0"));
        r.active.set("rules", "issued", new BigDecimal("2"));
        List<String> rules = Reports.rules(validate(r));
        assertThat(rules).contains("C-05", "C-06");
        assertThat(Reports.rules(validate(Reports.clean2021()))).doesNotContain("C-05", "C-06");
        Report r2019 = Reports.seed("004_8dd35ab5e340120f");
        assertThat(only(validate(r2019), "C-07")).isEmpty();
        r2019.active.set("coercion", "change", new BigDecimal("-100"));
        assertThat(only(validate(r2019), "C-07")).hasSize(1);
    }

    @Test
    void dOneReceivedInProseAgainstTheTable() {
        Report r = Reports.clean2021();
        assertThat(only(validate(r), "D-01")).isEmpty();
        r.sections.overview = r.sections.overview.replace("申请10件", "申请17件");
        assertThat(only(validate(r), "D-01")).singleElement().satisfies(f -> {
            assertThat(f.expected()).isEqualTo(10L);
            assertThat(f.actual()).isEqualTo(17L);
        });
    }

    @Test
    void dTwoReviewAndLitigationInProse() {
        Report r = Reports.clean2021();
        r.sections.reviewLitigation = "全年发生政府信息公开行政复议1件，行政诉讼0件。";
        assertThat(only(validate(r), "D-02")).isEmpty();
        r.sections.reviewLitigation = "全年发生政府信息公开行政复议3件，行政诉讼2件。";
        assertThat(only(validate(r), "D-02")).hasSize(2);
    }

    @Test
    void dThreeNormativeDocumentsInForce() {
        Report r = Reports.clean2021();
        r.sections.activeDisclosure = "截至年底，现行有效行政规范性文件40件。";
        assertThat(only(validate(r), "D-03")).isEmpty();
        r.sections.activeDisclosure = "截至年底，现行有效行政规范性文件393件。";
        assertThat(only(validate(r), "D-03")).singleElement().satisfies(f -> assertThat(f.actual()).isEqualTo(393L));
    }

    @Test
    void dFourProcessingFeeStatementFrom2021() {
        Report r = Reports.clean2021();
        r.sections.other = "无。";
        assertThat(only(validate(r), "D-04")).extracting(Finding::severity).containsExactly(Severity.ERROR);
        Report fee = Reports.clean2021();
        Reports.row(fee, "other.unpaidFee", 1, 0, 1);
        Reports.row(fee, "other.overdueCorrection", 0, 0, 0);
        assertThat(only(validate(fee), "D-04")).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(only(validate(Reports.seed("004_8dd35ab5e340120f")), "D-04")).as("2020: not required").isEmpty();
    }

    @Test
    void dFivePercentages() {
        Report r = Reports.clean2021();
        r.sections.applications = "其中予以公开8件，占72.7%。";
        assertThat(only(validate(r), "D-05")).isEmpty();
        r.sections.applications = "其中予以公开8件，占80%。";
        assertThat(only(validate(r), "D-05")).hasSize(1);
    }

    @Test
    void eOneOverviewLength() {
        Report r = Reports.clean2021();
        r.sections.overview = r.sections.overview + "政".repeat(1001);
        assertThat(only(validate(r), "E-01")).hasSize(1);
        assertThat(only(validate(Reports.clean2021()), "E-01")).isEmpty();
    }

    @Test
    void eTwoCoverageAndEThreeSubstance() {
        Report r = Reports.clean2021();
        r.sections.overview = "全年收到政府信息公开申请10件。";
        r.sections.problems = "无。";
        assertThat(Reports.rules(validate(r))).contains("E-02", "E-03");
    }

    @Test
    void eFourRepetitionOfLastYear() {
        Report previous = Reports.clean2021();
        previous.year = 2022;
        Report same = Reports.clean2021();
        assertThat(Reports.rules(validator.validate(same, null, previous))).contains("E-04");
        Report different = Reports.clean2021();
        different.sections.overview = "本年度重点推进了政务公开标准化规范化建设，完善主动公开目录，依申请公开、政府信息管理、平台建设、监督保障各项工作稳步推进。";
        different.sections.problems = "问题在于基层政务公开力量薄弱，专业人员不足；下一步将组织专题培训，充实工作力量，健全考核评议和责任追究机制，推动整改落实。";
        different.sections.other = "本年度未收取信息处理费，无其他需要报告的事项。";
        assertThat(Reports.rules(validator.validate(different, null, previous))).doesNotContain("E-04");
    }

    @Test
    void eSixOtherProcessingShareEAndSevenPlanYear() {
        Report r = Reports.clean2021();
        Reports.row(r, "granted", 6, 1, 7);
        Reports.row(r, "other.other", 1, 0, 1);
        assertThat(only(validate(r), "E-06")).hasSize(1);
        r.sections.problems = r.sections.problems.replace("2024年我们将", "2025年我们将");
        assertThat(only(validate(r), "E-07")).singleElement().satisfies(f -> assertThat(f.expected()).isEqualTo(2024));
        assertThat(Reports.rules(validate(Reports.clean2021()))).doesNotContain("E-06", "E-07");
    }

    @Test
    void eEightEnumerationTypos() {
        Report r = Reports.clean2021();
        r.sections.problems = r.sections.problems.replace("二是", "三是");
        assertThat(only(validate(r), "E-08")).extracting(Finding::severity).containsExactly(Severity.INFO);
        assertThat(only(validate(Reports.clean2021()), "E-08")).isEmpty();
    }

    @Test
    void fOneCarryOverContinuity() {
        Report previous = Reports.clean2021();
        previous.year = 2022;
        Reports.row(previous, "carriedForward", 2, 0, 2);
        assertThat(only(validator.validate(Reports.clean2021(), null, previous), "F-01")).isEmpty();
        Reports.row(previous, "carriedForward", 3, 0, 3);
        List<Finding> f01 = only(validator.validate(Reports.clean2021(), null, previous), "F-01");
        assertThat(f01).extracting(f -> f.paths().get(0)).containsExactly(
                "applications.rows.carriedOver[0]", "applications.rows.carriedOver[6]");
        assertThat(only(validate(Reports.clean2021()), "F-01")).extracting(Finding::severity).containsExactly(Severity.INFO);
    }

    @Test
    void fTwoStockContinuityAndFFiveSwings() {
        Report previous = Reports.clean2021();
        previous.year = 2022;
        Reports.set(previous.active, "normativeDocuments", "4", "1", "37");
        assertThat(only(validator.validate(Reports.clean2021(), null, previous), "F-02")).isEmpty();
        Reports.set(previous.active, "normativeDocuments", "4", "1", "698");
        assertThat(only(validator.validate(Reports.clean2021(), null, previous), "F-02")).singleElement()
                .satisfies(f -> assertThat(f.expected()).isEqualTo(new BigDecimal("701")));
        previous.active.set("licensing", "decisions", new BigDecimal("3"));
        assertThat(only(validator.validate(Reports.clean2021(), null, previous), "F-05")).hasSize(1);
    }

    @Test
    void fThreeItemContinuityAndFFourFormatContinuity() {
        Report previous = Reports.seed("004_8dd35ab5e340120f");
        previous.year = 2019;
        Report now = Reports.seed("004_8dd35ab5e340120f");
        List<Finding> f03 = only(validator.validate(now, null, previous), "F-03");
        // 2020 上一年项目数量 940 ≠ 940 + (−95): the same table twice cannot continue itself
        assertThat(f03).extracting(f -> f.paths().get(0)).contains("active.licensing.previousItems");
        Report back = Reports.seed("004_8dd35ab5e340120f");
        back.year = 2022;
        Report earlier = Reports.clean2021();
        earlier.year = 2021;
        assertThat(only(validator.validate(back, null, earlier), "F-04")).hasSize(1);
    }

    @Test
    void aFourAndLegacy() {
        Report empty = new Report();
        empty.year = 2023;
        assertThat(Reports.rules(validate(empty))).contains("A-04");
        Report legacy = new Report();
        legacy.format = ReportFormat.LEGACY;
        legacy.year = 2012;
        assertThat(Reports.rules(validate(legacy))).doesNotContain("B-02", "C-01");
        assertThat(Applications.COLUMNS).hasSize(7);
    }
}
