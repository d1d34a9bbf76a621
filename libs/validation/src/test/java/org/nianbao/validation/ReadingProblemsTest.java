package org.nianbao.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.model.ReviewLitigation;
import org.nianbao.model.Sections;
import org.nianbao.model.Severity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Could not read" is not "does not have": what the reader could not read is one X-01 finding for the
 * platform and no rule accuses the agency of it; the same cells genuinely blank or wrong still raise the rule.
 */
class ReadingProblemsTest {
    private final ReportValidator validator = new ReportValidator(ValidationConfig.defaults());

    private List<Finding> validate(Report r) {
        return validator.validate(r, null, null);
    }

    private static List<Finding> only(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /** No error and no warning for the agency, and exactly one X-01 naming each of {@code paths}. */
    private static void onlyTheExtractionFinding(List<Finding> findings, String... paths) {
        assertThat(findings).filteredOn(f -> !f.rule().equals("X-01")).allMatch(f -> f.severity() == Severity.INFO,
                "only information besides X-01: " + findings);
        assertThat(only(findings, "X-01")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.paths()).contains(paths);
            assertThat(f.message().en()).contains("not an error of the report").contains(paths);
            assertThat(f.message().zh()).contains("不是报告的错误").contains(paths);
        });
    }

    @Test
    void aReportReadInFullHasNoExtractionFinding() {
        assertThat(only(validate(Reports.clean2021()), "X-01")).isEmpty();
    }

    // ---- B: structure --------------------------------------------------------------------------------

    @Test
    void bTwoAPartWhoseHeadingRunsIntoTheTextIsUnreadNotMissing() {
        onlyTheExtractionFinding(validate(withPartSixRunIntoPartFive()), "sections.other");

        Report absent = Reports.clean2021();
        absent.sections.other = null;
        assertThat(only(validate(absent), "B-02")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.paths()).containsExactly("sections.other");
        });
        assertThat(only(validate(absent), "D-04")).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(only(validate(absent), "X-01")).isEmpty();
    }

    @Test
    void bTwoAPartBeforeTheFirstRecognisedHeadingCannotBeToldMissing() {
        Report r = Reports.clean2021();
        r.sections.overview = null; // the reader keeps no text before heading 二, where a run-in 一 would be
        onlyTheExtractionFinding(validate(r), "sections.overview");
        r.sections.activeDisclosure = null;
        onlyTheExtractionFinding(validate(r), "sections.overview", "sections.activeDisclosure");
    }

    @Test
    void bTwoNoHeadingRecognisedAtAllIsTheReadersProblem() {
        Report r = Reports.clean2021();
        r.sections = new Sections();
        onlyTheExtractionFinding(validate(r), "sections");
        assertThat(Reports.rules(validate(r))).doesNotContain("B-02", "D-04");
    }

    @Test
    void bThreeARowTheReaderDidNotFindIsNotAMissingRow() {
        Report r = Reports.unread(Reports.clean2021(), "active.licensing", "active.licensing.decisions");
        onlyTheExtractionFinding(validate(r), "active.licensing");

        Report missing = Reports.clean2021();
        missing.active.rows().remove("licensing");
        assertThat(only(validate(missing), "B-03")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.paths()).containsExactly("active.licensing");
        });
    }

    @Test
    void bFourARowTheReaderDidNotFindRaisesNoRowOrArithmeticError() {
        Report r = Reports.unread(Reports.clean2021(), "applications.rows.granted",
                cells("granted", 0, 1, 2, 3, 4, 5, 6));
        onlyTheExtractionFinding(validate(r), "applications.rows.granted");
        assertThat(Reports.rules(validate(r))).doesNotContain("B-04", "B-09", "C-02", "C-03");

        Report missing = Reports.clean2021();
        missing.applications.rows.remove("granted");
        List<Finding> findings = validate(missing);
        assertThat(only(findings, "B-04")).singleElement().satisfies(f -> assertThat(f.paths()).containsExactly("applications.rows.granted"));
        assertThat(only(findings, "C-03")).isNotEmpty();
    }

    @Test
    void bThreeFourSevenATableTheReaderDidNotFindIsNotAMissingTable() {
        Report r = Reports.clean2021();
        r.applications = null;
        r.reviewLitigation = null;
        r.extraction.problem("applications", "Part 三's rows were not found.");
        r.sections.reviewLitigation = "行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 1 0 0 0 1";
        onlyTheExtractionFinding(validate(r), "applications", "reviewLitigation");

        Report absent = Reports.clean2021();
        absent.applications = null;
        absent.reviewLitigation = null;
        assertThat(only(validate(absent), "B-04")).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(only(validate(absent), "B-07")).extracting(Finding::severity).containsExactly(Severity.ERROR);
    }

    @Test
    void bSixAColumnTheReaderDidNotFindIsNotAMissingColumn() {
        Report r = Reports.clean2021();
        for (String row : List.of("newReceived", "carriedOver", "granted")) {
            Reports.blank(r, "applications.rows." + row + "[6]");
        }
        r.extraction.problem("applications.columns", "The table header has no 总计 column on its first rows.");
        onlyTheExtractionFinding(validate(r), "applications.columns");
        assertThat(Reports.rules(validate(r))).doesNotContain("B-06", "B-09", "C-01", "C-02");

        Report narrow = Reports.clean2021();
        narrow.applications.rows.put("granted", Arrays.asList(7L, 1L, 0L, 0L, 0L, 0L));
        assertThat(only(validate(narrow), "B-06")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.paths()).containsExactly("applications.rows.granted");
        });
    }

    @Test
    void bSevenAndCFourPartFourTheReaderCouldNotRead() {
        Report r = Reports.clean2021();
        r.reviewLitigation = new ReviewLitigation();
        r.extraction.problem("reviewLitigation", "Part 四's 15 numbers could not be read with certainty.");
        r.sections.reviewLitigation = "全年发生政府信息公开行政复议1件，行政诉讼0件。";
        onlyTheExtractionFinding(validate(r), "reviewLitigation");
        assertThat(Reports.rules(validate(r))).doesNotContain("B-07", "B-09", "C-04", "D-02");
    }

    // ---- C: arithmetic -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} rests on {1}")
    @CsvSource({
            "C-01, applications.rows.carriedForward[0]",
            "C-01, applications.rows.totalProcessed[0]",
            "C-02, applications.rows.granted[6]",
            "C-02, applications.rows.granted[0]",
            "C-03, applications.rows.partiallyGranted[0]",
            "C-04, reviewLitigation.review.total",
            "C-04, reviewLitigation.review.upheld"})
    void anIdentityIsNotCheckedOverACellTheReaderCouldNotRead(String rule, String cell) {
        assertThat(only(validate(Reports.blank(Reports.clean2021(), cell)), rule)).as("the same cell genuinely blank")
                .isNotEmpty().allMatch(f -> f.severity() == Severity.ERROR);
        Report r = Reports.unread(Reports.clean2021(), cell, cell);
        onlyTheExtractionFinding(validate(r), cell);
    }

    // ---- D: prose against tables ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0} rests on {1}")
    @CsvSource(delimiter = '|', value = {
            "D-01|applications.rows.newReceived[6]|全年收到政府信息公开申请10件。",
            "D-01|applications.rows.carriedOver[6]|全年收到政府信息公开申请12件。",
            "D-02|reviewLitigation.review.total|全年发生政府信息公开行政复议1件。",
            "D-02|reviewLitigation.litigationDirect.total|全年发生政府信息公开行政诉讼1件。"})
    void proseIsNotComparedWithAFigureTheReaderCouldNotRead(String rule, String cell, String prose) {
        assertThat(only(validate(Reports.blank(withProse(prose), cell)), rule)).as("the same cell genuinely blank").isNotEmpty();
        onlyTheExtractionFinding(validate(Reports.unread(withProse(prose), cell, cell)), cell);
    }

    private static Report withProse(String prose) {
        Report r = Reports.clean2021();
        r.sections.overview = r.sections.overview.replace("全年收到政府信息公开申请10件。", prose);
        r.reviewLitigation.litigationDirect = new ReviewLitigation.Group(1L, 0L, 0L, 0L, 1L);
        return r;
    }

    // ---- E: quality ----------------------------------------------------------------------------------

    @Test
    void eOneTheOverviewIsNotMeasuredWhenTheNextHeadingWasMissed() {
        Report r = Reports.clean2021();
        r.sections.activeDisclosure = null;
        r.sections.overview += " 二、主动公开政府信息情况 " + "政".repeat(1001);
        onlyTheExtractionFinding(validate(r), "sections.activeDisclosure");

        Report read = Reports.clean2021();
        read.sections.overview += "政".repeat(1001);
        assertThat(only(validate(read), "E-01")).hasSize(1);
    }

    @Test
    void eFourTextsAreNotComparedWhenAReaderMissedAPart() {
        Report previous = Reports.clean2021();
        previous.year = 2022;
        assertThat(only(validator.validate(Reports.clean2021(), null, previous), "E-04")).as("the same text read in full").isNotEmpty();
        assertThat(only(validator.validate(withPartSixRunIntoPartFive(), null, previous), "E-04")).isEmpty();
        Report previousRunIn = withPartSixRunIntoPartFive();
        previousRunIn.year = 2022;
        assertThat(only(validator.validate(Reports.clean2021(), null, previousRunIn), "E-04")).isEmpty();
    }

    private static Report withPartSixRunIntoPartFive() {
        Report r = Reports.clean2021();
        r.sections.problems += " 六、其他需要报告的事项 " + r.sections.other;
        r.sections.other = null;
        return r;
    }

    // ---- F: cross-year -------------------------------------------------------------------------------

    @Test
    void fOneNeitherYearsUnreadCellIsCompared() {
        Report previous = Reports.clean2021();
        previous.year = 2022;
        Reports.row(previous, "carriedForward", 2, 0, 2);
        Reports.blank(previous, "applications.rows.carriedForward[0]");
        assertThat(only(validator.validate(Reports.clean2021(), null, previous), "F-01")).as("last year's cell genuinely blank")
                .extracting(Finding::severity).containsExactly(Severity.ERROR);

        Reports.unread(previous, "applications.rows.carriedForward[0]");
        assertThat(only(validator.validate(Reports.clean2021(), null, previous), "F-01")).isEmpty();

        Report lastYearRead = Reports.clean2021();
        lastYearRead.year = 2022;
        Reports.row(lastYearRead, "carriedForward", 3, 0, 3);
        Report now = Reports.unread(Reports.clean2021(), "applications.rows.carriedOver[0]", "applications.rows.carriedOver[0]");
        assertThat(only(validator.validate(now, null, lastYearRead), "F-01")).extracting(f -> f.paths().get(0))
                .containsExactly("applications.rows.carriedOver[6]");
    }

    // ---- the corpus ----------------------------------------------------------------------------------

    @Test
    void aCrawlerFlattenedReportRaisesNoErrorOnWhatCouldNotBeRead() {
        // the reader leaves the runs with several readings empty ("规范性文件1077": 1 0 77 or 10 7 7): X-01 names them
        Map<String, List<String>> unread = Map.of("caijinju-2019", List.of("active.normativeDocuments", "active.licensing",
                "active.penalty", "active.procurement"), "shenpiju-2020", List.of("active.licensing"),
                "jingfaju-2023", List.of("active.normativeDocuments"));
        for (String name : List.of("caijinju-2019", "gonganju-2021", "jingfaju-2023", "shenpiju-2020")) {
            List<Finding> findings = validate(Reports.shared("real/flattened/" + name + ".txt"));
            assertThat(findings).as(name).noneMatch(f -> f.severity() == Severity.ERROR
                    && f.paths().stream().anyMatch(p -> unread.getOrDefault(name, List.of()).stream().anyMatch(p::startsWith)));
            if (unread.containsKey(name)) {
                assertThat(only(findings, "X-01")).as(name).singleElement()
                        .satisfies(f -> assertThat(f.paths()).containsExactlyInAnyOrderElementsOf(unread.get(name)));
            } else {
                assertThat(only(findings, "X-01")).as(name).isEmpty();
            }
        }
    }

    @Test
    void seed002HeaderWithoutTotalIsTheReadersProblem() {
        List<Finding> findings = validate(Reports.shared("seeds/002_250f2460152f5126.txt"));
        assertThat(Reports.rules(findings)).doesNotContain("B-06", "C-01", "C-02");
        assertThat(only(findings, "X-01")).singleElement().satisfies(f -> assertThat(f.paths()).containsExactly("applications.columns"));
    }

    @Test
    void aProblemConcernsItsCellsRowsAndPartsOnly() {
        assertThat(Unread.covers("applications.rows.granted", "applications.rows.granted[3]")).isTrue();
        assertThat(Unread.covers("applications.rows.other", "applications.rows.otherX[3]")).isFalse();
        assertThat(Unread.covers("applications.columns", "applications.rows.granted[6]")).isTrue();
        assertThat(Unread.covers("active.rules", "active.rules.issued")).isTrue();
        assertThat(Unread.covers("active.rules", "active.normativeDocuments.issued")).isFalse();
        assertThat(Unread.covers("", "reviewLitigation.review.total")).isTrue();
    }

    private static String[] cells(String row, int... columns) {
        return Arrays.stream(columns).mapToObj(c -> "applications.rows." + row + "[" + c + "]").toArray(String[]::new);
    }
}
