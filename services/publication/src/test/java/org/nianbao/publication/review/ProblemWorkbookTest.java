package org.nianbao.publication.review;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.nianbao.publication.review.ProblemList.Cell;
import org.nianbao.publication.review.ProblemList.Problem;
import org.nianbao.publication.review.ProblemList.State;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemWorkbookTest {
    static final String APPLICATIONS = "三、收到和处理政府信息公开申请情况";

    /** 测试局: a sum that does not add up (open) and a resolved one; 示例办: a problem without cells (open). */
    static ProblemList sample() {
        Problem sum = new Problem("a", "测试局", "110101", "r-a", "测试局2024年政府信息公开工作年度报告", "C-01", "ERROR",
                List.of(new Cell("applications.granted.natural", APPLICATIONS, "（一）予以公开", "自然人", new BigDecimal(12)),
                        new Cell("applications.total.natural", APPLICATIONS, "（七）总计", "自然人", new BigDecimal(10))),
                "12", "10", "予以公开数大于总计", State.OPEN, 1, null, "张三", "核实无误", Instant.parse("2025-02-10T02:30:00Z"));
        Problem fee = new Problem("a", "测试局", "110101", "r-a", "测试局2024年政府信息公开工作年度报告", "D-04", "WARNING",
                List.of(new Cell("sections.other", "六、其他需要报告的事项", "收费情况", "", null)),
                "未说明", null, "未说明收费情况", State.RESOLVED, 1, 2, "张三", null, Instant.parse("2025-02-10T03:00:00Z"));
        Problem prose = new Problem("b", "示例办", "110102", "r-b", "示例办2024年政府信息公开工作年度报告", "E-02", "INFO",
                List.of(), "", null, "缺少总体情况", State.OPEN, 2, null, "李四", null, null);
        return new ProblemList("11", 2024, List.of(sum, fee, prose));
    }

    @Test
    void oneRowPerProblemWithTheCellsJoinedAndChineseStates() throws Exception {
        ProblemList list = sample();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ProblemWorkbook.write(list)))) {
            XSSFSheet sheet = book.getSheet("问题清单");
            assertThat(book.getSheetIndex(sheet)).isZero();
            assertThat(texts(sheet.getRow(0))).containsExactly("序号", "单位", "区划代码", "报告", "规则", "严重程度", "表格", "行",
                    "列", "报告所列", "应为", "问题说明", "状态", "首次出现", "改正于", "确认人", "确认说明", "确认时间");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getLastRowNum()).as("one row per problem").isEqualTo(list.problems().size());

            assertThat(texts(sheet.getRow(1))).containsExactly("1", "测试局", "110101", "测试局2024年政府信息公开工作年度报告", "C-01",
                    "错误", APPLICATIONS, "（一）予以公开；（七）总计", "自然人", "12", "10", "予以公开数大于总计", "未改正",
                    "第1版", "", "张三", "核实无误", "2025-02-10 10:30");
            assertThat(texts(sheet.getRow(2))).element(5).isEqualTo("警告");
            assertThat(texts(sheet.getRow(2)).subList(12, 15)).containsExactly("已改正", "第1版", "第2版");
            assertThat(texts(sheet.getRow(3)).subList(5, 9)).containsExactly("提示", "", "", "");
            assertThat(texts(sheet.getRow(3))).element(12).isEqualTo("未改正");
            assertThat(texts(sheet.getRow(3)).get(17)).as("no time").isEmpty();
            assertThat(sheet.getColumnWidth(11)).as("问题说明 is wide").isGreaterThan(sheet.getColumnWidth(0));

            XSSFSheet summary = book.getSheet("汇总");
            assertThat(book.getSheetIndex(summary)).isEqualTo(1);
            assertThat(texts(summary.getRow(0))).containsExactly("单位", "未改正", "已改正");
            assertThat(texts(summary.getRow(1))).containsExactly("测试局", "1", "1");
            assertThat(texts(summary.getRow(2))).containsExactly("示例办", "1", "0");
            assertThat(texts(summary.getRow(3))).containsExactly("合计", "2", "1");
            assertThat(summary.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void anEmptyListHasTheHeadersAndAZeroTotal() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(ProblemWorkbook.write(new ProblemList("", 2024, List.of()))))) {
            assertThat(book.getSheet("问题清单").getLastRowNum()).isZero();
            assertThat(texts(book.getSheet("汇总").getRow(1))).containsExactly("合计", "0", "0");
        }
    }

    private static List<String> texts(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            texts.add(format.formatCellValue(row.getCell(c)));
        }
        return texts;
    }
}
