package org.nianbao.publication.review;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.nianbao.publication.review.ProblemList.Notice;
import org.nianbao.publication.review.ProblemList.Problem;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RectificationNoticeTest {
    private static final Notice NOTICE = new Notice("某省人民政府办公厅", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
    private static final List<Problem> PROBLEMS = ProblemWorkbookTest.sample().problems();

    @Test
    void theLetterListsTheOpenProblemsAndAsksForACorrectionByTheDeadline() throws Exception {
        try (XWPFDocument doc = read(RectificationNotice.write(NOTICE, 2024, PROBLEMS.subList(0, 2)))) {
            XWPFParagraph title = doc.getParagraphs().get(0);
            assertThat(title.getText()).isEqualTo("关于测试局2024年度政府信息公开工作年度报告问题的整改通知");
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(title.getRuns().get(0).isBold()).isTrue();
            assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(title.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo(RectificationNotice.TITLE_FONT);
            assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("测试局：");
            XWPFParagraph body = doc.getParagraphs().get(2);
            assertThat(body.getText()).contains("2024年度").contains("经审核，你单位报告存在以下1处问题，请对照整改：");
            assertThat(body.getIndentationFirstLine()).isPositive();
            assertThat(body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo(RectificationNotice.BODY_FONT);

            assertThat(doc.getTables()).hasSize(1);
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).as("the header and the open problem, not the resolved one").hasSize(2);
            assertThat(table.getRow(0).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("序号", "表格", "行", "列", "报告所列", "应为", "问题说明");
            assertThat(table.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(table.getRow(1).getTableCells()).extracting(c -> c.getText()).containsExactly("1",
                    ProblemWorkbookTest.APPLICATIONS, "（一）予以公开；（七）总计", "自然人", "12", "10", "予以公开数大于总计");
            assertThat(text(doc)).doesNotContain("未说明收费情况");

            assertThat(text(doc)).contains("请于2025年3月31日前完成整改，并通过平台重新报送更正后的年度报告。");
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            XWPFParagraph office = paragraphs.get(paragraphs.size() - 2);
            XWPFParagraph date = paragraphs.get(paragraphs.size() - 1);
            assertThat(office.getText()).isEqualTo("某省人民政府办公厅");
            assertThat(office.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(date.getText()).isEqualTo("2025年3月1日");
            assertThat(date.getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
        }
    }

    @Test
    void aProblemWithoutCellsHasDashesForItsPlace() throws Exception {
        try (XWPFDocument doc = read(RectificationNotice.write(NOTICE, 2024, PROBLEMS.subList(2, 3)))) {
            assertThat(doc.getParagraphs().get(0).getText()).contains("示例办").contains("2024");
            assertThat(doc.getTables().get(0).getRow(1).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("1", "—", "—", "—", "—", "—", "缺少总体情况");
        }
    }

    @Test
    void whenEverythingIsCorrectedTheLetterSaysSoWithoutATable() throws Exception {
        try (XWPFDocument doc = read(RectificationNotice.write(NOTICE, 2024, PROBLEMS.subList(1, 2)))) {
            assertThat(doc.getTables()).isEmpty();
            assertThat(text(doc)).contains("你单位报告的问题已全部改正。").doesNotContain("请于").doesNotContain("处问题");
            assertThat(doc.getParagraphs().get(doc.getParagraphs().size() - 2).getText()).isEqualTo("某省人民政府办公厅");
        }
    }

    @Test
    void noProblemsOrSeveralAgenciesAreRefused() {
        assertThatThrownBy(() -> RectificationNotice.write(NOTICE, 2024, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RectificationNotice.write(NOTICE, 2024, PROBLEMS)).isInstanceOf(IllegalArgumentException.class);
    }

    private static XWPFDocument read(byte[] docx) throws Exception {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    private static String text(XWPFDocument doc) {
        StringBuilder all = new StringBuilder();
        doc.getParagraphs().forEach(p -> all.append(p.getText()).append('\n'));
        doc.getTables().forEach(t -> all.append(t.getText()).append('\n'));
        return all.toString();
    }
}
