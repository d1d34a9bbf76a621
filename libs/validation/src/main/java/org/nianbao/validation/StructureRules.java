package org.nianbao.validation;

import org.nianbao.model.ActiveDisclosure;
import org.nianbao.model.Applications;
import org.nianbao.model.ReportFormat;
import org.nianbao.model.ReviewLitigation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Family B: the format of the year, the six parts, the rows and columns of the tables, blank cells. */
final class StructureRules {
    private static final String[] PART_ZH = {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"};

    private StructureRules() {
    }

    static void check(Check c) {
        formatOfYear(c);
        sixParts(c);
        tables(c);
        blankCells(c);
    }

    /** B-01: the 2021 format from report year 2021 on; the 2019 trial format for 2019 and 2020. */
    private static void formatOfYear(Check c) {
        Integer year = c.year();
        ReportFormat f = c.report.format;
        if (year == null) {
            return;
        }
        if (year >= 2021 && f == ReportFormat.F2019) {
            c.error("B-01", List.of("format"), "2021", "2019",
                    year + "年度报告应使用2021年版格式（国办公开办函〔2021〕30号），而非2019年试行格式。",
                    "A " + year + " report must use the 2021 format (国办公开办函〔2021〕30号), not the 2019 trial format.");
        } else if (year == 2020 && f.has2021ActiveTable()) {
            c.warning("B-01", List.of("format"), "2019", f.json(),
                    "2020年度报告应使用2019年试行格式。", "A 2020 report should use the 2019 trial format.");
        }
    }

    /** B-02: the six parts are all present (in order: headings are searched in order); a part the reader missed is X-01's. */
    private static void sixParts(Check c) {
        for (int i = 0; i < Unread.SECTIONS.size(); i++) {
            String path = "sections." + Unread.SECTIONS.get(i);
            if (Unread.section(c.report, Unread.SECTIONS.get(i)) == null && !c.unread(path)) {
                c.error("B-02", List.of(path), PART_ZH[i], null,
                        "缺少第" + "一二三四五六".charAt(i) + "部分“" + PART_ZH[i] + "”，正文中也没有该部分标题。",
                        "Part " + (i + 1) + " (" + PART_ZH[i] + ") is missing: its heading is nowhere in the text.");
            }
        }
    }

    /**
     * B-03, B-04, B-06, B-07: the tables, their rows and part 三's seven columns are there. Only what the document
     * lacks is an error; a table, row or column the reader could not find is X-01's.
     */
    private static void tables(Check c) {
        if (c.report.format == ReportFormat.UNKNOWN) {
            return;
        }
        if (c.report.active == null) {
            if (!c.unread("active")) {
                c.error("B-03", List.of("active"), null, null, "缺少第二部分的主动公开统计表。", "Part 二's table is missing.");
            }
        } else {
            missingRows(c, "B-03", "active.", ActiveDisclosure.layout(c.report.format).keySet(), c.report.active.rows().keySet());
        }
        Applications a = c.report.applications;
        if (a == null) {
            if (!c.unread("applications")) {
                c.error("B-04", List.of("applications"), null, null, "缺少第三部分的依申请公开统计表。", "Part 三's table is missing.");
            }
        } else {
            missingRows(c, "B-04", "applications.rows.", Applications.rowKeys(a.otherSplit()), a.rows.keySet());
            columns(c, a);
            if (c.report.format == ReportFormat.MIXED) {
                c.warning("B-04", List.of("applications.rows.other"), "（六）其他处理 1–3", "（六）其他处理",
                        "2021年版格式的“（六）其他处理”应分为三行（逾期不补正、逾期未缴费、其他），本报告仍为一行（混用格式）。",
                        "In the 2021 format 三（六）其他处理 has three sub-rows; this report still has the single 2019 row (mixed format).");
            }
        }
        if (c.report.reviewLitigation == null && !c.unread("reviewLitigation")) {
            c.error("B-07", List.of("reviewLitigation"), null, null, "缺少第四部分的行政复议、行政诉讼统计表。", "Part 四's table is missing.");
        }
    }

    /** Rows of the template the model does not have at all (a row the reader could not find is left blank and unread). */
    private static void missingRows(Check c, String rule, String prefix, Collection<String> template, Set<String> present) {
        for (String row : template) {
            if (!present.contains(row) && !c.unread(prefix + row)) {
                c.error(rule, List.of(prefix + row), row, null, "表格缺少该行：" + prefix + row + "。",
                        "The table lacks this row: " + prefix + row + ".");
            }
        }
    }

    /** B-06: every part 三 row has the seven columns, 总计 last. */
    private static void columns(Check c, Applications a) {
        List<String> narrow = a.rows.entrySet().stream()
                .filter(e -> e.getValue().size() != Applications.COLUMNS.size() && !c.unread("applications.rows." + e.getKey()))
                .map(e -> "applications.rows." + e.getKey()).toList();
        if (!narrow.isEmpty()) {
            c.error("B-06", narrow, Applications.COLUMNS.size(), null, "第三部分有" + narrow.size() + "行不是7列（自然人至总计）。",
                    "Part 三 has " + narrow.size() + " rows without the seven columns (自然人 to 总计).");
        }
    }

    /** B-09: blank or placeholder cells in parts 三 and 四 (read as 0), one finding per part. */
    private static void blankCells(Check c) {
        Applications a = c.report.applications;
        if (a != null) {
            List<String> blanks = new ArrayList<>();
            a.rows.forEach((row, values) -> {
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) == null && !c.unread(Cells.path(row, i))) {
                        blanks.add(Cells.path(row, i));
                    }
                }
            });
            if (!blanks.isEmpty()) {
                c.warning("B-09", blanks, 0, null, "第三部分有" + blanks.size() + "个空白或“/”单元格，按0计算；建议填写0。",
                        "Part 三 has " + blanks.size() + " blank or placeholder cells, counted as 0; write 0 instead.");
            }
        }
        ReviewLitigation rl = c.report.reviewLitigation;
        if (rl != null) {
            List<String> blanks = new ArrayList<>();
            rl.groups().forEach((name, g) -> {
                Long[] cells = g.cells();
                for (int k = 0; k < cells.length; k++) {
                    String path = "reviewLitigation." + name + "." + ReviewLitigation.Group.CELLS.get(k);
                    if (cells[k] == null && !c.unread(path)) {
                        blanks.add(path);
                    }
                }
            });
            if (!blanks.isEmpty()) {
                c.warning("B-09", blanks, 0, null, "第四部分有" + blanks.size() + "个空白或“/”单元格，按0计算；建议填写0。",
                        "Part 四 has " + blanks.size() + " blank or placeholder cells, counted as 0; write 0 instead.");
            }
        }
    }
}
