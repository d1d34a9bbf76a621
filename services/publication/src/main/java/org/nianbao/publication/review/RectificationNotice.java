package org.nianbao.publication.review;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.nianbao.publication.review.ProblemList.Problem;
import org.nianbao.publication.review.ProblemList.State;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The 整改通知 to one agency as a Word document (Apache POI), in the usual official style: centered title, addressee,
 * the problems still open as a table (a problem resting on several cells is one row, its cells joined with "；" as in
 * {@link ProblemWorkbook}), the date to correct by, and the office's signature.
 * <p>
 * Resolved problems are not listed; when none is open the letter says so instead of the table and sets no deadline.
 */
public final class RectificationNotice {
    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    /** The table's header. */
    public static final List<String> COLUMNS = List.of("序号", "表格", "行", "列", "报告所列", "应为", "问题说明");
    /** Column widths in twips (about 15 cm of text width in all). */
    private static final int[] WIDTHS = {600, 1700, 1500, 1000, 900, 900, 2400};
    private static final int BODY_SIZE = 16; // 三号
    private static final int TABLE_SIZE = 11;
    private static final String NONE = "—";

    private RectificationNotice() {
    }

    /**
     * @param notice   the office, the date of issue and the date to correct by
     * @param year     the report year
     * @param problems the agency's problems, open and resolved; all of one agency
     * @throws IllegalArgumentException if {@code problems} is empty or mixes agencies
     */
    public static byte[] write(ProblemList.Notice notice, int year, List<Problem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("no problems to notify");
        }
        Problem first = problems.get(0);
        if (problems.stream().anyMatch(p -> !Objects.equals(p.agencyKey(), first.agencyKey()))) {
            throw new IllegalArgumentException("problems of several agencies");
        }
        String agency = first.agency();
        List<Problem> open = problems.stream().filter(p -> p.state() != State.RESOLVED).toList();
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(300);
            run(title, "关于" + agency + year + "年度政府信息公开工作年度报告问题的整改通知", TITLE_FONT, 22, true);

            paragraph(doc, ParagraphAlignment.LEFT, false, agency + "：");
            String reviewed = notice.office() + "对你单位" + year + "年度政府信息公开工作年度报告进行了审核。";
            if (open.isEmpty()) {
                paragraph(doc, ParagraphAlignment.BOTH, true, reviewed);
                paragraph(doc, ParagraphAlignment.BOTH, true, "你单位报告的问题已全部改正。");
            } else {
                paragraph(doc, ParagraphAlignment.BOTH, true, reviewed + "经审核，你单位报告存在以下" + open.size() + "处问题，请对照整改：");
                table(doc, open);
                paragraph(doc, ParagraphAlignment.BOTH, true,
                        "请于" + chinese(notice.correctBy()) + "前完成整改，并通过平台重新报送更正后的年度报告。");
            }

            paragraph(doc, ParagraphAlignment.RIGHT, false, "");
            paragraph(doc, ParagraphAlignment.RIGHT, false, notice.office());
            paragraph(doc, ParagraphAlignment.RIGHT, false, chinese(notice.issuedOn()));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A date as 2025年3月1日. */
    static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static void table(XWPFDocument doc, List<Problem> open) {
        XWPFTable table = doc.createTable(open.size() + 1, COLUMNS.size());
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(String.valueOf(Arrays.stream(WIDTHS).sum()));
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        for (int w : WIDTHS) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (int c = 0; c < COLUMNS.size(); c++) {
            cell(table.getRow(0), c, COLUMNS.get(c), true);
        }
        for (int i = 0; i < open.size(); i++) {
            Problem p = open.get(i);
            List<String> texts = List.of(String.valueOf(i + 1), orNone(ProblemWorkbook.tables(p)), orNone(ProblemWorkbook.rows(p)),
                    orNone(ProblemWorkbook.columns(p)), orNone(p.says()), orNone(p.shouldSay()), orNone(p.message()));
            for (int c = 0; c < texts.size(); c++) {
                cell(table.getRow(i + 1), c, texts.get(c), false);
            }
        }
    }

    private static void cell(XWPFTableRow row, int c, String text, boolean bold) {
        XWPFTableCell cell = row.getCell(c);
        cell.setWidth(String.valueOf(WIDTHS[c]));
        XWPFParagraph p = cell.getParagraphs().get(0);
        if (bold || c == 0) {
            p.setAlignment(ParagraphAlignment.CENTER);
        }
        run(p, text, BODY_FONT, TABLE_SIZE, bold);
    }

    private static void paragraph(XWPFDocument doc, ParagraphAlignment alignment, boolean indent, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        if (indent) {
            p.setIndentationFirstLine(BODY_SIZE * 2 * 20); // two characters, in twips
        }
        run(p, text, BODY_FONT, BODY_SIZE, false);
    }

    private static void run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(size);
        if (bold) {
            run.setBold(true);
        }
        run.setText(text);
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
