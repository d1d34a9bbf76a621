package org.nianbao.publication.service;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.nianbao.model.OfficialTables;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;

import java.io.ByteArrayInputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TablesDocxTest {

    @Test
    void theWordDocumentHasTheThreeTablesWithTheirMergedCells() throws Exception {
        Report r = OfficialTablesTest.report(ReportFormat.F2021);
        r.applications.rows.put("newReceived", Arrays.asList(9L, 1L, 0L, 0L, 0L, 0L, 10L));
        byte[] docx = TablesDocx.write("测试局2024年政府信息公开工作年度报告", OfficialTables.of(r));

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("测试局2024年政府信息公开工作年度报告");
            assertThat(doc.getTables()).hasSize(3);
            XWPFTable applications = doc.getTables().get(1);
            assertThat(applications.getRows()).hasSize(3 + 25);
            // 一、本年新收 spans the three label columns, then its seven numbers
            assertThat(applications.getRow(3).getCell(0).getText()).isEqualTo("一、本年新收政府信息公开申请数量");
            assertThat(applications.getRow(3).getCell(0).getCTTc().getTcPr().getGridSpan().getVal().intValue()).isEqualTo(3);
            assertThat(applications.getRow(3).getCell(1).getText()).isEqualTo("9");
            assertThat(applications.getRow(3).getCell(7).getText()).isEqualTo("10");
            // 三、本年度办理结果 starts a vertical merge; the next row continues it
            assertThat(applications.getRow(5).getCell(0).getText()).isEqualTo("三、本年度办理结果");
            assertThat(applications.getRow(5).getCell(0).getCTTc().getTcPr().getVMerge().getVal().toString()).isEqualTo("restart");
            assertThat(applications.getRow(6).getCell(0).getCTTc().getTcPr().getVMerge()).isNotNull();
            assertThat(applications.getRow(6).getCell(0).getText()).isEmpty();
            XWPFTable review = doc.getTables().get(2);
            assertThat(review.getRows()).hasSize(4);
            assertThat(review.getRow(3).getTableCells()).hasSize(15);
        }
    }
}
