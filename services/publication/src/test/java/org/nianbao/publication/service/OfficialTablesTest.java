package org.nianbao.publication.service;

import org.junit.jupiter.api.Test;
import org.nianbao.model.ActiveDisclosure;
import org.nianbao.model.Applications;
import org.nianbao.model.OfficialTables;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;
import org.nianbao.model.ReviewLitigation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfficialTablesTest {

    static Report report(ReportFormat format) {
        Report r = new Report();
        r.format = format;
        r.active = ActiveDisclosure.blank(format);
        r.applications = Applications.blank(format == ReportFormat.F2021);
        r.reviewLitigation = new ReviewLitigation();
        return r;
    }

    @Test
    void the2019TablesHaveTheTemplatesRowsAndEveryRowFillsTheGrid() {
        Report r = report(ReportFormat.F2019);
        r.applications.rows.put("denied.stateSecret", Arrays.asList(1L, null, null, null, null, null, 1L));
        r.active.set("procurement", "amountYuan", new BigDecimal("292214.5"));
        List<OfficialTables.Table> tables = OfficialTables.of(r);

        assertThat(tables).extracting(OfficialTables.Table::heading).containsExactly(
                "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况");
        tables.forEach(OfficialTablesTest::assertEveryRowFillsTheGrid);
        assertThat(dataCells(tables.get(0))).isEqualTo(22);
        assertThat(dataCells(tables.get(1))).isEqualTo(23 * 7);
        assertThat(dataCells(tables.get(2))).isEqualTo(15);
        // five 第二十条 blocks, each a caption and a header row, then 8 data rows
        assertThat(tables.get(0).rows()).hasSize(5 * 2 + 8);
        assertThat(tables.get(1).rows()).hasSize(3 + 23);

        OfficialTables.Cell secret = cell(tables.get(1), "applications.rows.denied.stateSecret[0]");
        assertThat(secret.text()).isEqualTo("1");
        assertThat(cell(tables.get(1), "applications.rows.denied.stateSecret[1]").text()).isEmpty();
        assertThat(cell(tables.get(0), "active.procurement.amountYuan").text()).isEqualTo("292214.5");
        // the 不予公开 group label spans its eight rows; 三、本年度办理结果 spans all twenty outcome rows and （七）总计
        assertThat(label(tables.get(1), "（三）不予公开").rowspan()).isEqualTo(8);
        assertThat(label(tables.get(1), "三、本年度办理结果").rowspan()).isEqualTo(18 + 1 + 1);
        assertThat(label(tables.get(1), "（六）其他处理").colspan()).isEqualTo(2);
    }

    @Test
    void the2021TablesSplitOtherProcessingAndUseTheNewPartTwo() {
        List<OfficialTables.Table> tables = OfficialTables.of(report(ReportFormat.F2021));
        tables.forEach(OfficialTablesTest::assertEveryRowFillsTheGrid);
        assertThat(dataCells(tables.get(0))).isEqualTo(10);
        assertThat(dataCells(tables.get(1))).isEqualTo(25 * 7);
        assertThat(label(tables.get(1), "（六）其他处理").rowspan()).isEqualTo(3);
        assertThat(label(tables.get(0), "行政规范性文件")).isNotNull();
        assertThat(tables.get(0).rows().get(5).get(1).text()).isEqualTo("本年处理决定数量");
        assertThat(tables.get(0).rows().get(5).get(1).colspan()).isEqualTo(3);
    }

    @Test
    void aReportWithoutTablesHasNone() {
        Report legacy = new Report();
        legacy.format = ReportFormat.LEGACY;
        assertThat(OfficialTables.of(legacy)).isEmpty();
    }

    @Test
    void cellsHaveNamesAPersonReads() {
        assertThat(OfficialTables.label("applications.rows.denied.stateSecret[0]")).isEqualTo("（三）不予公开1.属于国家秘密 · 自然人");
        assertThat(OfficialTables.label("applications.rows.newReceived[6]")).isEqualTo("一、本年新收 · 总计");
        assertThat(OfficialTables.label("reviewLitigation.litigationDirect.pending")).isEqualTo("行政诉讼（未经复议直接起诉） · 尚未审结");
        assertThat(OfficialTables.label("active.fees.amountWanYuan")).isEqualTo("行政事业性收费 · 本年收费金额（万元）");
    }

    /** Rows, with the cells that earlier rows span into them, cover exactly the table's grid columns. */
    static void assertEveryRowFillsTheGrid(OfficialTables.Table t) {
        int[] coveredUntil = new int[t.rows().size() + 10];
        int[][] occupied = new int[t.rows().size()][t.columns()];
        for (int r = 0; r < t.rows().size(); r++) {
            int col = 0;
            for (OfficialTables.Cell cell : t.rows().get(r)) {
                while (col < t.columns() && occupied[r][col] > 0) {
                    col++;
                }
                for (int dr = 0; dr < cell.rowspan(); dr++) {
                    for (int dc = 0; dc < cell.colspan(); dc++) {
                        assertThat(col + dc).as("row %d of %s overflows", r, t.heading()).isLessThan(t.columns());
                        occupied[r + dr][col + dc]++;
                    }
                }
                col += cell.colspan();
            }
            coveredUntil[r] = col;
        }
        for (int r = 0; r < occupied.length; r++) {
            for (int c = 0; c < t.columns(); c++) {
                assertThat(occupied[r][c]).as("%s row %d column %d", t.heading(), r, c).isEqualTo(1);
            }
        }
    }

    static long dataCells(OfficialTables.Table t) {
        return t.rows().stream().flatMap(List::stream).filter(OfficialTables.Cell::isData).count();
    }

    static OfficialTables.Cell cell(OfficialTables.Table t, String path) {
        return t.rows().stream().flatMap(List::stream).filter(c -> path.equals(c.path())).findFirst().orElseThrow();
    }

    static OfficialTables.Cell label(OfficialTables.Table t, String text) {
        return t.rows().stream().flatMap(List::stream).filter(c -> text.equals(c.text())).findFirst().orElse(null);
    }
}
