package org.nianbao.extraction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nianbao.model.Gold;
import org.nianbao.model.Report;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PDF tables rebuilt from the lines the page draws, on PDFs drawn here; and whole generated reports. */
class PdfTablesTest {

    private static List<String> lines(byte[] pdf) {
        return PdfReader.text(pdf, DocumentLimits.DEFAULTS).lines().toList();
    }

    @Test
    void wrappedLabelsMergedCellsAndDigitsOnTwoLines() throws Exception {
        byte[] pdf;
        try (PdfDrawing d = new PdfDrawing()) {
            d.text(50, 80, "二、主动公开政府信息情况");
            // horizontal lines; the one at 250 leaves the first column open: its cell spans two rows
            for (float y : new float[]{100, 120, 140, 160, 200, 230, 270}) {
                d.line(50, y, 450, y);
            }
            d.line(150, 250, 450, 250);
            // vertical lines; none inside the caption row, only one inside the 行政许可 row
            d.line(50, 100, 50, 270).line(450, 100, 450, 270).line(150, 120, 150, 270);
            for (float x : new float[]{250, 350}) {
                d.line(x, 120, x, 200).line(x, 230, x, 270);
            }
            d.text(55, 114, "第二十条第（一）项");
            d.text(55, 134, "信息内容").text(155, 134, "本年制发件数").text(255, 134, "本年废止件数").text(355, 134, "现行有效件数");
            d.text(55, 154, "规章").text(155, 154, "1").text(255, 154, "0").text(355, 154, "11");
            // a label wrapped over three lines, its numbers beside the middle one
            d.text(55, 172, "行政规").text(55, 184, "范性文").text(55, 196, "件");
            d.text(155, 184, "8").text(255, 184, "26").text(355, 184, "66");
            // one cell (three columns merged) whose digits wrap: two groups, never one number
            d.text(55, 214, "行政许可").text(155, 212, "12").text(155, 225, "3");
            d.text(55, 244, "三、合并").text(155, 244, "甲").text(255, 244, "1").text(355, 244, "2");
            d.text(155, 264, "乙").text(255, 264, "3").text(355, 264, "4");
            d.text(280, 810, "- 1 -");
            pdf = d.bytes();
        }
        List<String> lines = lines(pdf);
        assertThat(lines).containsSubsequence("二、主动公开政府信息情况",
                "第二十条第（一）项",
                "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
                "规章\t1\t0\t11",
                "行政规范性文件\t8\t26\t66",
                "行政许可\t12 3",
                "三、合并\t甲\t1\t2",
                "\t乙\t3\t4");
        assertThat(CellValue.parse("12 3").kind()).isEqualTo(CellValue.Kind.UNREADABLE);
    }

    @Test
    void aTableOverAPageBreakIsOneTable() throws Exception {
        byte[] pdf;
        try (PdfDrawing d = new PdfDrawing()) {
            d.text(50, 680, "表一");
            // page 1: header and two rows, the last split by the break, its label filling its cell's width
            d.line(50, 700, 300, 700).line(50, 720, 300, 720).line(50, 740, 300, 740).line(50, 760, 300, 760);
            d.line(50, 700, 50, 760).line(130, 700, 130, 760).line(300, 700, 300, 760);
            d.text(55, 714, "项目").text(135, 714, "数量");
            d.text(55, 734, "一、甲类").text(135, 734, "5");
            d.text(55, 754, "二、乙类事项的").text(135, 754, "7");
            d.text(280, 810, "- 1 -");
            // page 2: the header repeated, the rest of the split row, one more row
            d.newPage();
            d.grid(new float[]{50, 130, 300}, new float[]{50, 70, 90, 110});
            d.text(55, 64, "项目").text(135, 64, "数量");
            d.text(55, 84, "说明");
            d.text(55, 104, "三、丙类").text(135, 104, "9");
            pdf = d.bytes();
        }
        List<String> lines = lines(pdf).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).containsExactly("表一", "项目\t数量", "一、甲类\t5", "二、乙类事项的说明\t7", "三、丙类\t9");
    }

    @Test
    void aRowEndingAPageIsNotJoinedWithARowAfterIt() throws Exception {
        byte[] pdf;
        try (PdfDrawing d = new PdfDrawing()) {
            // the last row's label ends well short of its cell's edge: the label is whole, the next row a row
            d.grid(new float[]{50, 200, 300}, new float[]{720, 740, 760});
            d.text(55, 734, "规章").text(205, 734, "5");
            d.text(55, 754, "行政规范性文件").text(205, 754, "7");
            d.newPage();
            d.grid(new float[]{50, 200, 300}, new float[]{50, 70, 90});
            d.text(55, 64, "行政许可");
            d.text(55, 84, "行政处罚").text(205, 84, "9");
            pdf = d.bytes();
        }
        List<String> lines = lines(pdf).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).containsExactly("规章\t5", "行政规范性文件\t7", "行政许可\t", "行政处罚\t9");
    }

    @Test
    void runningHeadersAndFootersAreDroppedAndALoneRowContinuesTheTable() throws Exception {
        byte[] pdf;
        try (PdfDrawing d = new PdfDrawing()) {
            d.text(40, 30, "12/1/26, 11:03 PM  某局2024年政府信息公开工作年度报告");
            d.text(50, 90, "某局2024年政府信息公开工作年度报告");
            d.grid(new float[]{50, 200, 300}, new float[]{740, 760, 780});
            d.text(55, 754, "一、甲类").text(205, 754, "5");
            d.text(55, 774, "二、乙类").text(205, 774, "7");
            d.text(40, 820, "file:///tmp/report.html  1/2");
            d.newPage();
            d.text(40, 30, "12/1/26, 11:03 PM  某局2024年政府信息公开工作年度报告");
            d.grid(new float[]{50, 200, 300}, new float[]{60, 80});
            d.text(55, 74, "三、丙类").text(205, 74, "9");
            d.text(50, 120, "五、存在的主要问题及改进情况");
            d.text(40, 820, "file:///tmp/report.html  2/2");
            pdf = d.bytes();
        }
        List<String> lines = lines(pdf).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).containsExactly("某局2024年政府信息公开工作年度报告", "一、甲类\t5", "二、乙类\t7", "三、丙类\t9",
                "五、存在的主要问题及改进情况");
    }

    @Test
    void aTableOnALandscapePage() throws Exception {
        byte[] pdf;
        try (PdfDrawing d = new PdfDrawing()) {
            d.newPage(true);
            d.grid(new float[]{50, 300, 500, 700}, new float[]{100, 120, 140});
            d.text(55, 114, "信息内容").text(305, 114, "本年处理决定数量").text(505, 114, "备注");
            d.text(55, 134, "行政许可").text(305, 134, "447228").text(505, 134, "无");
            pdf = d.bytes();
        }
        List<String> lines = lines(pdf).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).containsExactly("信息内容\t本年处理决定数量\t备注", "行政许可\t447228\t无");
    }

    @Test
    void bordersDrawnAsThinFilledRectanglesAndTextWithoutLines() throws Exception {
        byte[] pdf;
        try (PdfDrawing d = new PdfDrawing()) {
            for (float y : new float[]{100, 120, 140}) {
                d.fill(50, y - 0.4f, 200, 0.8f);
            }
            for (float x : new float[]{50, 150, 250}) {
                d.fill(x - 0.4f, 100, 0.8f, 40);
            }
            d.text(55, 114, "甲").text(155, 114, "1");
            d.text(55, 134, "乙").text(155, 134, "2");
            // no lines drawn: the words of the line stay apart by layout spaces
            d.text(50, 300, "规章").text(150, 300, "1").text(250, 300, "0");
            pdf = d.bytes();
        }
        List<String> lines = lines(pdf).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).containsExactly("甲\t1", "乙\t2", "规章  1  0");
    }

    @Test
    void aWrappedLabelOfATableWithoutLinesJoinsItsRow() throws Exception {
        byte[] pdf;
        try (PdfDrawing d = new PdfDrawing()) {
            d.text(50, 280, "二、主动公开政府信息情况");
            d.text(50, 300, "规章").text(150, 300, "1").text(200, 300, "0").text(250, 300, "11");
            // the label over two lines, its numbers between them
            d.text(50, 318, "行政规范性").text(150, 326, "8").text(200, 326, "26").text(250, 326, "66").text(50, 334, "文件");
            d.text(50, 352, "行政许可").text(150, 352, "447228");
            d.text(50, 380, "三、收到和处理政府信息公开申请情况");
            pdf = d.bytes();
        }
        List<String> lines = lines(pdf).stream().filter(l -> !l.isBlank()).toList();
        assertThat(lines).containsExactly("二、主动公开政府信息情况", "规章  1  0  11", "行政规范性文件  8  26  66", "行政许可  447228",
                "三、收到和处理政府信息公开申请情况");
    }

    /**
     * Reports generated from the seeds' expected values (test resources /pdf, see its README): the official
     * tables with merged cells, narrow label columns, page breaks inside part 三, printed by Chromium and by
     * LibreOffice. Every cell is read right.
     */
    @ParameterizedTest
    @CsvSource({"001_43d6c315cbc0f57d-b.chromium.pdf, 001_43d6c315cbc0f57d",
            "004_8dd35ab5e340120f-d.lo.pdf, 004_8dd35ab5e340120f"})
    void generatedReportsAreReadCellForCell(String file, String name) throws Exception {
        Report r = new ReportExtractor().extract(Corpus.resource("/pdf/" + file), null);
        Report gold = Gold.read(Corpus.resource("/golden/" + name + ".json"));
        assertThat(Gold.compare(gold, r, false)).filteredOn(c -> c.verdict() != Gold.Verdict.RIGHT).isEmpty();
        assertThat(r.format).isEqualTo(gold.format);
    }
}
