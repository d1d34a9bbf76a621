package org.nianbao.extraction;

import org.junit.jupiter.api.Test;
import org.nianbao.model.Report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web pages as a crawler saves their text: the report on a few lines, table cells run together. Expected
 * values are read from the documents by hand; where the digits alone leave several readings, the cells must
 * stay empty with the readings listed.
 */
class FlattenedTextTest {
    private final ReportExtractor extractor = new ReportExtractor();

    private Report real(String name) {
        return extractor.extract(Corpus.real("flattened/" + name + ".txt"), name + ".txt");
    }

    @Test
    void aFlattened2021ReportIsReadWhole() {
        Report r = real("gonganju-2021");
        assertThat(r.format.json()).isEqualTo("2021");
        assertThat(r.year).isEqualTo(2021);
        assertThat(r.agency).isEqualTo("平潭综合实验区公安局");
        assertThat(r.title).isEqualTo("平潭综合实验区公安局2021年政府信息公开工作年度报告");
        // 规章000 · 行政规范性文件002 · 行政处罚141 (one cell)
        assertThat(r.active.get("rules", "inForce")).isEqualByComparingTo("0");
        assertThat(r.active.get("normativeDocuments", "inForce")).isEqualByComparingTo("2");
        assertThat(r.active.get("penalty", "decisions")).isEqualByComparingTo("141");
        // 一、本年新收…1000001 · 3.其他1000001 · （七）总计1000001 · 四、结转下年度继续办理1000001
        for (String row : List.of("newReceived", "other.other", "totalProcessed", "carriedForward")) {
            assertThat(r.applications.rows.get(row)).as(row).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        }
        for (String row : List.of("carriedOver", "granted", "denied.stateSecret", "denied.queryMatters", "unavailable.unclear",
                "notProcessed.confirmation", "other.overdueCorrection", "other.unpaidFee")) {
            assertThat(r.applications.rows.get(row)).as(row).containsOnly(0L).hasSize(7);
        }
        assertThat(r.reviewLitigation.review.total).isZero();
        assertThat(r.reviewLitigation.litigationAfterReview.total).isZero();
        assertThat(r.extraction.problems).isEmpty();
        assertThat(r.sections.overview).startsWith("2021年，我局政府信息公开工作");
        assertThat(r.sections.problems).contains("信息的公开面还不够广");
        assertThat(r.sections.other).isEqualTo("2021年，无收取信息处理费情况。");
        assertThat(r.publishedOn).hasToString("2022-01-07");
    }

    @Test
    void aFlattened2019ReportWithIrregularSpacesIsRead() {
        Report r = real("shenpiju-2020");
        assertThat(r.format.json()).isEqualTo("2019");
        assertThat(r.year).isEqualTo(2020);
        // "一、本年新收政府信息公开申请数量 10 0 00 0 1": seven digits, seven cells
        assertThat(r.applications.rows.get("newReceived")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(r.applications.rows.get("granted")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(r.applications.rows.get("totalProcessed")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(r.applications.rows.get("other")).containsOnly(0L);
        assertThat(r.active.get("normativeDocuments", "totalPublished")).isEqualByComparingTo("6");
        assertThat(r.active.get("procurement", "amountYuan")).isEqualByComparingTo("0");
        // "六、其他需要报告的事项无平潭综合实验区行政审批局2021年1月19日附件下载": the signature and chrome are not part 六
        assertThat(r.sections.other).isEqualTo("无");
        assertThat(r.publishedOn).hasToString("2021-01-19");
        // "行政许可0494246": 上一年项目数量 0, then 494246 for two cells — five readings, nothing chooses
        assertThat(r.active.get("licensing", "change")).isNull();
        assertThat(r.active.get("licensing", "decisions")).isNull();
        assertThat(r.extraction.problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("active.licensing");
            assertThat(p.message()).contains("0 494 246", "0 49 4246");
        });
    }

    @Test
    void ambiguousRunsStayEmptyWithTheirReadings() {
        Report r = real("caijinju-2019");
        assertThat(r.format.json()).isEqualTo("2019");
        // "规范性文件1077": 1 0 77 or 10 7 7; "行政处罚3500": 3 50 0 or 35 0 0; "政府集中采购2832995元"
        assertThat(r.active.get("normativeDocuments", "newlyMade")).isNull();
        assertThat(r.active.get("penalty", "decisions")).isNull();
        assertThat(r.active.get("procurement", "amountYuan")).isNull();
        assertThat(r.extraction.problems).extracting(p -> p.path()).containsExactlyInAnyOrder(
                "active.normativeDocuments", "active.licensing", "active.penalty", "active.procurement");
        assertThat(r.extraction.problems).filteredOn(p -> p.path().equals("active.normativeDocuments"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("1 0 77", "10 7 7"));
        // "行政许可300": 3 0 0, or 30 or 300 with empty cells; "规章000" can only be 0 0 0
        assertThat(r.active.get("licensing", "previousItems")).isNull();
        assertThat(r.active.get("rules", "totalPublished")).isEqualByComparingTo("0");
        assertThat(r.applications.rows.values()).allSatisfy(row -> assertThat(row).containsOnly(0L));
        assertThat(r.reviewLitigation.litigationDirect.total).isZero();
    }

    @Test
    void aReportWhoseOwnArithmeticIsWrongIsReadAsPublished() {
        Report r = real("jingfaju-2023");
        assertThat(r.format.json()).isEqualTo("2021");
        // 3 applications received, none processed or carried forward: the report's mistake, read as written
        assertThat(r.applications.rows.get("newReceived")).containsExactly(3L, 0L, 0L, 0L, 0L, 0L, 3L);
        assertThat(r.applications.rows.get("totalProcessed")).containsOnly(0L);
        // "行政规范性文件606": 6 0 6, or 60 and 6 with an empty cell between or after — part 二 has no identity
        assertThat(r.active.get("normativeDocuments", "issued")).isNull();
        assertThat(r.extraction.problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("active.normativeDocuments");
            assertThat(p.message()).contains("6 0 6");
        });
    }

    // ---- the table's identities choose, together ------------------------------------------------------------

    @Test
    void theColumnsIdentitiesSettleARunTheRowTotalCannot() {
        // "120010013" fits the row total as 12 0 0 1 0 0 13 and as 1 2 0 0 10 0 13; 予以公开 is written with
        // spaces and nothing is carried over or forward, so 一 = 三（七）总计 = 予以公开 decides: 12 0 0 1 0 0 13
        Map<String, String> rows = zeroRows();
        rows.put("一、本年新收政府信息公开申请数量", "120010013");
        rows.put("（一）予以公开", "12 0 0 1 0 0 13");
        rows.put("（七）总计", "12 0 0 1 0 0 13");
        Report r = extractor.extractText(flattened2021(rows));
        assertThat(r.applications.rows.get("newReceived")).containsExactly(12L, 0L, 0L, 1L, 0L, 0L, 13L);
        assertThat(r.extraction.problems).isEmpty();
    }

    @Test
    void severalRunsAreSolvedAsOneTable() {
        // every row that holds applications is a run with two readings; only one assignment of all of them
        // satisfies 一 + 二 = （七） + 四 and （一）…（六） = （七） in every column
        Map<String, String> rows = zeroRows();
        rows.put("一、本年新收政府信息公开申请数量", "120010013");
        rows.put("（一）予以公开", "120010013");
        rows.put("（七）总计", "120010013");
        Report r = extractor.extractText(flattened2021(rows));
        // 12 0 0 1 0 0 13 everywhere, or 1 2 0 0 10 0 13 everywhere: both satisfy the table. Nothing is chosen.
        assertThat(r.applications.rows.get("newReceived")).containsOnlyNulls();
        assertThat(r.applications.rows.get("granted")).containsOnlyNulls();
        assertThat(r.extraction.problems).extracting(p -> p.path())
                .contains("applications.rows.newReceived", "applications.rows.granted", "applications.rows.totalProcessed");
        // 部分公开 "0 2 0 0 0 0 2" and 总计 "122010015" break the tie: 1 2 0 0 10 0 13 + 0 2 0 0 0 0 2 would be
        // written "140010015"
        rows.put("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0 2 0 0 0 0 2");
        rows.put("一、本年新收政府信息公开申请数量", "122010015");
        rows.put("（七）总计", "122010015");
        Report solved = extractor.extractText(flattened2021(rows));
        assertThat(solved.applications.rows.get("granted")).containsExactly(12L, 0L, 0L, 1L, 0L, 0L, 13L);
        assertThat(solved.applications.rows.get("totalProcessed")).containsExactly(12L, 2L, 0L, 1L, 0L, 0L, 15L);
        assertThat(solved.applications.rows.get("newReceived")).containsExactly(12L, 2L, 0L, 1L, 0L, 0L, 15L);
        assertThat(solved.extraction.problems).isEmpty();
    }

    @Test
    void whenNoReadingSatisfiesTheTableTheRunsStayEmpty() {
        Map<String, String> rows = zeroRows();
        rows.put("一、本年新收政府信息公开申请数量", "120010013");
        rows.put("（一）予以公开", "5 0 0 0 0 0 5"); // the report's own arithmetic is wrong
        rows.put("（七）总计", "5 0 0 0 0 0 5");
        Report r = extractor.extractText(flattened2021(rows));
        assertThat(r.applications.rows.get("newReceived")).containsOnlyNulls();
        assertThat(r.applications.rows.get("granted")).containsExactly(5L, 0L, 0L, 0L, 0L, 0L, 5L);
    }

    private static Map<String, String> zeroRows() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String label : List.of("一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果（一）予以公开",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开1.属于国家秘密", "2.其他法律行政法规禁止公开",
                "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
                "8.属于行政查询事项", "（四）无法提供1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
                "（五）不予处理1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理")) {
            rows.put(label, "0000000");
        }
        return rows;
    }

    /** A 2021-format report as a crawler flattens its page: one line, cells run together. */
    private static String flattened2021(Map<String, String> rows) {
        Map<String, String> byLabel = new LinkedHashMap<>();
        rows.forEach((label, digits) -> byLabel.put(label.replace("三、本年度办理结果", ""), digits));
        StringBuilder table = new StringBuilder("申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他");
        zeroRows().keySet().forEach(label -> {
            String key = label.replace("三、本年度办理结果", "");
            table.append(label).append(byLabel.getOrDefault(key, byLabel.getOrDefault(label, "0000000")));
        });
        return "标题: 测试县人民政府2023年政府信息公开工作年度报告\n==== 正文 ====\n当前位置： 首页 > 政务公开 测试县人民政府2023年政府信息公开工作年度报告"
                + " 一、总体情况2023年，本县推进政务公开。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
                + "规章000行政规范性文件002第二十条第（五）项信息内容本年处理决定数量行政许可365第二十条第（六）项信息内容本年处理决定数量行政处罚12"
                + "行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0三、收到和处理政府信息公开申请情况" + table
                + "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
                + "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000五、存在的主要问题及改进情况"
                + "人员不足。六、其他需要报告的事项无。 测试县人民政府2024年1月20日 附件下载";
    }

    @Test
    void rowsOnLinesOfTheirOwnWithTheirCellsRunTogetherAreReadTheSame() {
        // another crawler keeps a line per table row but still runs the cells together: "行政许可365", "予以公开0000000"
        Map<String, String> rows = zeroRows();
        rows.put("一、本年新收政府信息公开申请数量", "120010013");
        rows.put("（一）予以公开", "12 0 0 1 0 0 13");
        rows.put("（七）总计", "12 0 0 1 0 0 13");
        String perRow = flattened2021(rows).replaceAll("(规章|行政规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|[一二三四五六]、|（[一二三四五六七]）|\\d\\.(?=\\D))", "\n$1");
        assertThat(perRow.lines().filter(l -> l.length() > 200)).as("no line holds the table").hasSizeLessThan(3);
        Report r = extractor.extractText(perRow);
        assertThat(r.active.get("rules", "inForce")).isEqualByComparingTo("0");
        assertThat(r.active.get("licensing", "decisions")).isEqualByComparingTo("365");
        assertThat(r.applications.rows.get("newReceived")).containsExactly(12L, 0L, 0L, 1L, 0L, 0L, 13L);
        assertThat(r.applications.rows.get("denied.stateSecret")).containsOnly(0L);
        assertThat(r.extraction.problems).isEmpty();
    }

    @Test
    void partOneAndFourRunsAreDirectWhenEachCellHasOneDigit() {
        Report r = extractor.extractText(flattened2021(zeroRows()));
        assertThat(r.format.json()).isEqualTo("2021");
        assertThat(r.active.get("licensing", "decisions")).isEqualByComparingTo("365");
        assertThat(r.active.get("normativeDocuments", "repealed")).isEqualByComparingTo("0");
        assertThat(r.active.get("normativeDocuments", "inForce")).isEqualByComparingTo("2");
        assertThat(r.reviewLitigation.review.total).isZero();
        assertThat(r.sections.other).isEqualTo("无。");
        assertThat(r.agency).isEqualTo("测试县人民政府");
        assertThat(Arrays.asList(r.year)).containsExactly(2023);
        assertThat(new String(flattened2021(zeroRows()).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).doesNotContain("\t");
    }
}
