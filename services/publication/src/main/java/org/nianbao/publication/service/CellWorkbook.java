package org.nianbao.publication.service;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.nianbao.publication.repository.ReportCellRepository.ExportRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Exported cells as an XLSX workbook (Apache POI, streaming): one sheet, one row per cell, numbers as numbers. */
public final class CellWorkbook {
    private CellWorkbook() {
    }

    public static byte[] write(List<ExportRow> rows) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            SXSSFSheet sheet = book.createSheet("cells");
            Row header = sheet.createRow(0);
            for (int c = 0; c < CellExport.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(CellExport.COLUMNS.get(c));
            }
            sheet.createFreezePane(0, 1);
            int n = 1;
            for (ExportRow r : rows) {
                Row row = sheet.createRow(n++);
                row.createCell(0).setCellValue(r.reportId());
                row.createCell(1).setCellValue(r.agency());
                row.createCell(2).setCellValue(r.regionCode());
                if (r.year() != null) {
                    row.createCell(3).setCellValue(r.year());
                }
                row.createCell(4).setCellValue(r.format());
                row.createCell(5).setCellValue(r.path());
                if (r.value() != null) {
                    row.createCell(6).setCellValue(r.value().doubleValue());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
