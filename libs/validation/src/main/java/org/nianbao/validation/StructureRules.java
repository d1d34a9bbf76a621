package org.nianbao.validation;

import org.nianbao.model.Applications;
import org.nianbao.model.Extraction;
import org.nianbao.model.ReportFormat;
import org.nianbao.model.ReviewLitigation;

import java.util.ArrayList;
import java.util.List;

/** Family B: the format of the year, the six parts, the rows and columns of the tables, blank cells. */
final class StructureRules {
    private static final String[] PART_ZH = {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"};
    private static final String[] SECTIONS = {"overview", "activeDisclosure", "applications", "reviewLitigation", "problems",
            "other"};

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

    /** B-02: the six parts are all present (in order: headings are searched in order). */
    private static void sixParts(Check c) {
        for (int i = 0; i < SECTIONS.length; i++) {
            String text = section(c, SECTIONS[i]);
            if (text == null) {
                c.error("B-02", List.of("sections." + SECTIONS[i]), PART_ZH[i], null,
                        "缺少第" + "一二三四五六".charAt(i) + "部分“" + PART_ZH[i] + "”（或其标题不可辨认）。",
                        "Part " + (i + 1) + " (" + PART_ZH[i] + ") is missing or its heading cannot be recognised.");
            }
        }
    }

    static String section(Check c, String name) {
        return switch (name) {
            case "overview" -> c.report.sections.overview;
            case "activeDisclosure" -> c.report.sections.activeDisclosure;
            case "applications" -> c.report.sections.applications;
            case "reviewLitigation" -> c.report.sections.reviewLitigation;
            case "problems" -> c.report.sections.problems;
            default -> c.report.sections.other;
        };
    }

    /** B-03, B-04, B-06, B-07: the tables and their rows are complete. */
    private static void tables(Check c) {
        if (c.report.format == ReportFormat.UNKNOWN) {
            return;
        }
        if (c.report.active == null) {
            c.error("B-03", List.of("active"), null, null, "缺少第二部分的主动公开统计表。", "Part 二's table is missing.");
        }
        if (c.report.applications == null) {
            c.error("B-04", List.of("applications"), null, null, "缺少第三部分的依申请公开统计表。", "Part 三's table is missing.");
        } else if (c.report.format == ReportFormat.MIXED) {
            c.warning("B-04", List.of("applications.rows.other"), "（六）其他处理 1–3", "（六）其他处理",
                    "2021年版格式的“（六）其他处理”应分为三行（逾期不补正、逾期未缴费、其他），本报告仍为一行（混用格式）。",
                    "In the 2021 format 三（六）其他处理 has three sub-rows; this report still has the single 2019 row (mixed format).");
        }
        if (c.report.reviewLitigation == null) {
            c.error("B-07", List.of("reviewLitigation"), null, null, "缺少第四部分的行政复议、行政诉讼统计表。", "Part 四's table is missing.");
        }
        for (Extraction.Problem p : c.report.extraction.problems) {
            if (p.message().startsWith("Row not found")) {
                String rule = p.path().startsWith("active") ? "B-03" : "B-04";
                c.error(rule, List.of(p.path()), p.path(), null, "表格缺少该行：" + p.path() + "。",
                        "The table lacks this row: " + p.path() + ".");
            } else if (p.path().equals("applications.columns")) {
                c.error("B-06", List.of(p.path()), 7, 6, "第三部分表头缺少“总计”列。", "Part 三's header lacks the 总计 column.");
            }
        }
    }

    /** B-09: blank or placeholder cells in parts 三 and 四 (read as 0), one finding per part. */
    private static void blankCells(Check c) {
        Applications a = c.report.applications;
        if (a != null) {
            List<String> blanks = new ArrayList<>();
            a.rows.forEach((row, values) -> {
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) == null && !c.unreadable(Cells.path(row, i))) {
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
                    if (cells[k] == null && !c.unreadable(path)) {
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
