package org.nianbao.publication.service;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.nianbao.model.OfficialTables;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * A report's three official tables as a Word document (Apache POI), merged cells as in the template:
 * horizontal spans as {@code gridSpan}, vertical ones as {@code vMerge}.
 */
public final class TablesDocx {
    private TablesDocx() {
    }

    public static byte[] write(String title, List<OfficialTables.Table> tables) {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph heading = doc.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = heading.createRun();
            run.setBold(true);
            run.setFontSize(16);
            run.setText(title);
            for (OfficialTables.Table table : tables) {
                XWPFRun h = doc.createParagraph().createRun();
                h.setBold(true);
                h.setText(table.heading());
                table(doc, table);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(XWPFDocument doc, OfficialTables.Table t) {
        XWPFTable table = doc.createTable();
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int c = 0; c < t.columns(); c++) {
            grid.addNewGridCol().setW(BigInteger.valueOf(9000L / t.columns()));
        }
        int[] pendingRows = new int[t.columns()];
        int[] pendingSpan = new int[t.columns()];
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.insertNewTableRow(r);
            int col = 0;
            for (OfficialTables.Cell cell : t.rows().get(r)) {
                col = continuations(row, col, pendingRows, pendingSpan, false);
                XWPFTableCell tc = row.createCell();
                CTTcPr pr = tc.getCTTc().addNewTcPr();
                if (cell.colspan() > 1) {
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(cell.colspan()));
                }
                if (cell.rowspan() > 1) {
                    pr.addNewVMerge().setVal(STMerge.RESTART);
                    pendingRows[col] = cell.rowspan() - 1;
                    pendingSpan[col] = cell.colspan();
                }
                tc.setText(cell.text());
                if (cell.header()) {
                    tc.getParagraphs().get(0).getRuns().forEach(x -> x.setBold(true));
                }
                if (cell.isData()) {
                    tc.getParagraphs().get(0).setAlignment(ParagraphAlignment.RIGHT);
                }
                col += cell.colspan();
            }
            continuations(row, col, pendingRows, pendingSpan, true);
        }
        table.removeRow(t.rows().size()); // the row createTable() started with
    }

    /** Emits the continuation cells of vertical merges at {@code col} (all remaining ones if {@code toEnd}). */
    private static int continuations(XWPFTableRow row, int col, int[] pendingRows, int[] pendingSpan, boolean toEnd) {
        while (col < pendingRows.length && (pendingRows[col] > 0 || toEnd)) {
            if (pendingRows[col] == 0) {
                col++;
                continue;
            }
            XWPFTableCell tc = row.createCell();
            CTTcPr pr = tc.getCTTc().addNewTcPr();
            if (pendingSpan[col] > 1) {
                pr.addNewGridSpan().setVal(BigInteger.valueOf(pendingSpan[col]));
            }
            pr.addNewVMerge();
            pendingRows[col]--;
            col += pendingSpan[col];
        }
        return col;
    }
}
