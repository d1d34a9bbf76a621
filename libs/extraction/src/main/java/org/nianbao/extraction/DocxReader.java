package org.nianbao.extraction;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Word documents with Apache POI: paragraphs as lines, each table row as one line with its cells separated
 * by tabs. A merged cell appears once (gridSpan cells are one cell; vMerge continuations are empty).
 */
final class DocxReader {
    private DocxReader() {
    }

    static String text(byte[] docx, DocumentLimits limits) {
        try (XWPFDocument document = new XWPFDocument(GuardedDocx.open(docx, limits))) {
            StringBuilder out = new StringBuilder();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    out.append(p.getText()).append('\n');
                } else if (element instanceof XWPFTable t) {
                    appendTable(out, t);
                }
            }
            return out.toString();
        } catch (UnreadableDocumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException("The Word document cannot be read: " + e.getMessage(), e);
        }
    }

    private static void appendTable(StringBuilder out, XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                boolean continuation = cell.getCTTc().getTcPr() != null && cell.getCTTc().getTcPr().getVMerge() != null
                        && cell.getCTTc().getTcPr().getVMerge().getVal() == null;
                cells.add(continuation ? "" : cell.getText().replace('\t', ' ').replace('\n', ' ').strip());
            }
            out.append(String.join("\t", cells)).append('\n');
        }
        out.append('\n');
    }
}
