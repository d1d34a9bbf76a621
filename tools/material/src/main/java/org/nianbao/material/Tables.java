package org.nianbao.material;

import org.nianbao.model.OfficialTables;
import org.nianbao.model.Report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three official tables of a report as the template lays them out ({@link OfficialTables}: merged cells as
 * colspan/rowspan, i.e. gridSpan/vMerge in Word), written in a {@link Style}: its label variants and typos, its
 * way of printing numbers and blanks, its column widths. HTML, Word and flattened text are rendered from these.
 */
final class Tables {
    enum Kind { HEADER, LABEL, NUMBER }

    record Cell(String text, int colspan, int rowspan, Kind kind) {
    }

    /**
     * A table: its part heading, its grid columns' relative widths, its rows (continuations of merges omitted) and
     * how many of the first rows repeat on every page it runs over (0: none).
     */
    record Table(String heading, int[] widths, List<List<Cell>> rows, int repeatedRows) {
        int columns() {
            return widths.length;
        }
    }

    private static final Map<String, String> TYPOS = Map.of("2.其他法律行政法规禁止公开", "2.其他法律行政止公开",
            "4.无正当理由大量反复申请", "4.无正当理由由大量反复申请", "本年废止件数", "本年废纸件数");

    private final Report report;
    private final Style style;
    private final Map<String, OfficialTables.Table> official = new java.util.HashMap<>();

    Tables(Report report, Style style) {
        this.report = report;
        this.style = style;
        OfficialTables.of(report).forEach(t -> official.put(t.heading(), t));
    }

    /** A label as this style writes it: typos, 、 for the dot of sub-item numbers, the other 规范性文件 label. */
    String label(String official) {
        if (official.equals("规范性文件") || official.equals("行政规范性文件")) {
            return normativeLabel();
        }
        String text = style.typos() ? TYPOS.getOrDefault(official, official) : official;
        return style.enumComma() ? text.replaceFirst("^(\\d)\\.", "$1、") : text;
    }

    /** The normative-documents row label of the report's format, swapped when the style says so. */
    String normativeLabel() {
        return report.format.has2021ActiveTable() != style.swapNormative() ? "行政规范性文件" : "规范性文件";
    }

    /** A number as printed in a table cell, {@code cell} its model name (e.g. change, amountYuan). */
    String number(BigDecimal v, String cell) {
        if (v == null) {
            return style.blank();
        }
        String digits = style.thousands() && v.abs().compareTo(BigDecimal.valueOf(1000)) >= 0
                ? new DecimalFormat("#,##0.##########").format(v) : v.toPlainString();
        if (cell.equals("change")) {
            return v.signum() == 0 ? "0" : style.signedWords() ? (v.signum() > 0 ? "增" : "减") + digits.replace("-", "")
                    : v.signum() > 0 ? "+" + digits : digits;
        }
        return cell.equals("amountYuan") && style.yuanSuffix() ? digits + "元" : digits;
    }

    Table active() {
        return styled(OfficialTables.ACTIVE_HEADING, style.narrowLabels() ? new int[]{2, 3, 3, 3} : new int[]{3, 2, 2, 2});
    }

    Table applications() {
        return styled(OfficialTables.APPLICATIONS_HEADING, new int[]{2, 3, style.narrowLabels() ? 4 : 6, 2, 2, 2, 2, 2, 2, 2});
    }

    Table reviewLitigation() {
        int[] widths = new int[15];
        java.util.Arrays.fill(widths, 1);
        return styled(OfficialTables.REVIEW_HEADING, widths);
    }

    private Table styled(String heading, int[] widths) {
        List<List<Cell>> rows = new ArrayList<>();
        for (List<OfficialTables.Cell> row : official.get(heading).rows()) {
            rows.add(row.stream().map(c -> c.isData()
                    ? new Cell(number(c.value(), c.path().substring(c.path().lastIndexOf('.') + 1)), c.colspan(), c.rowspan(), Kind.NUMBER)
                    : new Cell(label(c.text()), c.colspan(), c.rowspan(), c.header() ? Kind.HEADER : Kind.LABEL)).toList());
        }
        int header = 0;
        while (header < rows.size() && rows.get(header).stream().allMatch(c -> c.kind() == Kind.HEADER)) {
            header++;
        }
        return new Table(heading, widths, rows, style.repeatHeader() && !heading.equals(OfficialTables.ACTIVE_HEADING) ? header : 0);
    }
}
