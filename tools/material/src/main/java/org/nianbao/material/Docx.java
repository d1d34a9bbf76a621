package org.nianbao.material;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.nianbao.model.ActiveDisclosure;
import org.nianbao.model.Applications;
import org.nianbao.model.Report;
import org.nianbao.model.ReviewLitigation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A report as a Word document: the real 2021 template filled in (as agencies do), or, for the formats it does
 * not fit (2019, mixed), the tables built with the template's conventions (gridSpan for horizontal merges,
 * vMerge restart/continue for vertical ones, merged label cells).
 */
final class Docx {
    private static final int TABLE_TWIPS = 9000;

    private Docx() {
    }

    /** The report in a document of our own making, tables from {@link Tables}. */
    static byte[] built(Report r, Style style) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = title.createRun();
            run.setBold(true);
            run.setFontSize(18);
            run.setText(r.title);
            Tables tables = new Tables(r, style);
            for (Parts.Part part : Parts.of(r)) {
                XWPFRun h = doc.createParagraph().createRun();
                h.setBold(true);
                h.setText(part.heading());
                paragraphs(doc, part.text());
                if (part.table() != null) {
                    table(doc, part.table().apply(tables));
                }
            }
            signature(doc, r);
            return bytes(doc);
        }
    }

    /** The real 2021 Word template with the report's title, prose and values filled in. */
    static byte[] template(byte[] template, Report r, Style style) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template))) {
            Tables tables = new Tables(r, style);
            List<XWPFParagraph> paragraphs = new ArrayList<>(doc.getParagraphs());
            int description = 0;
            String[] prose = {r.sections.overview, r.sections.problems, r.sections.other};
            for (XWPFParagraph p : paragraphs) {
                String text = p.getText().strip();
                if (text.equals("政府信息公开工作年度报告格式模板")) {
                    replace(p, r.title);
                } else if (text.startsWith("（文字描述") && description < prose.length) {
                    String part = prose[description++];
                    String[] lines = part == null ? new String[]{""} : part.split("\n");
                    for (int i = 0; i < lines.length - 1; i++) {
                        doc.insertNewParagraph(p.getCTP().newCursor()).createRun().setText(lines[i]);
                    }
                    replace(p, lines[lines.length - 1]);
                }
            }
            List<XWPFTable> t = doc.getTables();
            fillActive(t.get(0), r, tables);
            XWPFTable apps = t.get(1);
            List<String> keys = Applications.rowKeys(true);
            for (int i = 0; i < keys.size(); i++) {
                XWPFTableRow row = apps.getRow(3 + i);
                List<XWPFTableCell> cells = row.getTableCells();
                int first = cells.size() - 7;
                for (int c = 0; c < 7; c++) {
                    Long v = r.applications.cell(keys.get(i), c);
                    setText(cells.get(first + c), tables.number(v == null ? null : BigDecimal.valueOf(v), "count"));
                }
                for (int c = 0; c < first; c++) {
                    String label = cells.get(c).getText().strip();
                    if (!label.isEmpty() && !tables.label(label).equals(label)) {
                        setText(cells.get(c), tables.label(label));
                    }
                }
            }
            if (style.repeatHeader()) {
                for (XWPFTable table : List.of(apps, t.get(2))) {
                    for (int row = 0; row < 3; row++) {
                        table.getRow(row).setRepeatHeader(true);
                    }
                }
            }
            XWPFTable review = t.get(2);
            List<XWPFTableCell> cells = review.getRow(review.getNumberOfRows() - 1).getTableCells();
            int k = 0;
            for (ReviewLitigation.Group g : r.reviewLitigation.groups().values()) {
                for (Long v : g.cells()) {
                    setText(cells.get(k++), tables.number(v == null ? null : BigDecimal.valueOf(v), "count"));
                }
            }
            signature(doc, r);
            return bytes(doc);
        }
    }

    private static void fillActive(XWPFTable table, Report r, Tables tables) {
        List<String> rows = List.of("rules", "normativeDocuments", "licensing", "penalty", "coercion", "fees");
        int next = 0;
        for (XWPFTableRow row : table.getRows()) {
            List<XWPFTableCell> cells = row.getTableCells();
            String label = cells.get(0).getText().strip();
            for (XWPFTableCell c : cells) {
                String text = c.getText().strip();
                if (!text.isEmpty() && !tables.label(text).equals(text)) {
                    setText(c, tables.label(text));
                }
            }
            if (next < rows.size() && cells.size() > 1 && (label.equals("规章") || label.equals("行政规范性文件")
                    || label.equals("行政许可") || label.equals("行政处罚") || label.equals("行政强制") || label.equals("行政事业性收费"))) {
                List<String> names = ActiveDisclosure.ROWS_2021.get(rows.get(next));
                for (int c = 0; c < names.size(); c++) {
                    setText(cells.get(1 + c), tables.number(r.active.get(rows.get(next), names.get(c)), names.get(c)));
                }
                next++;
            }
        }
    }

    private static void table(XWPFDocument doc, Tables.Table t) {
        XWPFTable table = doc.createTable();
        table.getCTTbl().getTblPr().addNewTblW().setType(STTblWidth.DXA);
        table.getCTTbl().getTblPr().getTblW().setW(BigInteger.valueOf(TABLE_TWIPS));
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        int sum = Arrays.stream(t.widths()).sum();
        int[] twips = Arrays.stream(t.widths()).map(w -> TABLE_TWIPS * w / sum).toArray();
        for (int w : twips) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        int[] pendingRows = new int[t.columns()];
        int[] pendingSpan = new int[t.columns()];
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.insertNewTableRow(r);
            row.setRepeatHeader(r < t.repeatedRows());
            int col = 0;
            for (Tables.Cell cell : t.rows().get(r)) {
                col = continuations(row, col, pendingRows, pendingSpan, twips, false);
                XWPFTableCell tc = row.createCell();
                CTTcPr pr = tc.getCTTc().addNewTcPr();
                width(pr, twips, col, cell.colspan());
                if (cell.colspan() > 1) {
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(cell.colspan()));
                }
                if (cell.rowspan() > 1) {
                    pr.addNewVMerge().setVal(STMerge.RESTART);
                    pendingRows[col] = cell.rowspan() - 1;
                    pendingSpan[col] = cell.colspan();
                }
                tc.setText(cell.text());
                tc.getParagraphs().get(0).setAlignment(cell.kind() == Tables.Kind.LABEL ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
                col += cell.colspan();
            }
            continuations(row, col, pendingRows, pendingSpan, twips, true);
        }
        table.removeRow(t.rows().size()); // the row createTable() started with
    }

    /** Emits the continuation cells of vertical merges at {@code col} (all remaining ones if {@code toEnd}). */
    private static int continuations(XWPFTableRow row, int col, int[] pendingRows, int[] pendingSpan, int[] twips, boolean toEnd) {
        while (col < pendingRows.length && (pendingRows[col] > 0 || toEnd)) {
            if (pendingRows[col] == 0) {
                col++;
                continue;
            }
            XWPFTableCell tc = row.createCell();
            CTTcPr pr = tc.getCTTc().addNewTcPr();
            width(pr, twips, col, pendingSpan[col]);
            if (pendingSpan[col] > 1) {
                pr.addNewGridSpan().setVal(BigInteger.valueOf(pendingSpan[col]));
            }
            pr.addNewVMerge();
            pendingRows[col]--;
            col += pendingSpan[col];
        }
        return col;
    }

    private static void width(CTTcPr pr, int[] twips, int col, int span) {
        pr.addNewTcW().setType(STTblWidth.DXA);
        pr.getTcW().setW(BigInteger.valueOf(Arrays.stream(twips, col, Math.min(twips.length, col + span)).sum()));
    }

    private static void paragraphs(XWPFDocument doc, String text) {
        if (text != null) {
            for (String line : text.split("\n")) {
                XWPFParagraph p = doc.createParagraph();
                p.setFirstLineIndent(480);
                p.createRun().setText(line);
            }
        }
    }

    private static void signature(XWPFDocument doc, Report r) {
        for (String line : new String[]{r.agency, r.publishedOn == null ? null : Parts.chineseDate(r.publishedOn)}) {
            if (line != null) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.RIGHT);
                p.createRun().setText(line);
            }
        }
    }

    /** Replaces a paragraph's or a cell's text, keeping the first run's formatting. */
    private static void replace(XWPFParagraph p, String text) {
        List<XWPFRun> runs = p.getRuns();
        var format = runs.isEmpty() || runs.get(0).getCTR().getRPr() == null ? null : (org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr) runs.get(0).getCTR().getRPr().copy();
        for (int i = runs.size() - 1; i >= 0; i--) {
            p.removeRun(i);
        }
        XWPFRun run = p.createRun();
        if (format != null) {
            run.getCTR().setRPr(format);
        }
        run.setText(text);
    }

    private static void setText(XWPFTableCell cell, String text) {
        replace(cell.getParagraphs().get(0), text);
        while (cell.getParagraphs().size() > 1) {
            cell.removeParagraph(1);
        }
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }
}
