package org.nianbao.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three official tables of a report (parts 二, 三 and 四) laid out as in the State Council template,
 * merged cells included, as a grid any renderer walks (publication's web page and its HTML and DOCX exports, the
 * test material of tools/material).
 * A data cell carries its model path, so findings can be attached to it.
 */
public final class OfficialTables {

    /** A cell of the grid: a label (path null) or a number (path set, value null when blank). */
    public record Cell(String text, String path, BigDecimal value, int colspan, int rowspan, boolean header) {
        static Cell label(String text, int colspan, int rowspan) {
            return new Cell(text, null, null, colspan, rowspan, false);
        }

        static Cell header(String text, int colspan, int rowspan) {
            return new Cell(text, null, null, colspan, rowspan, true);
        }

        static Cell data(String path, BigDecimal value, int colspan) {
            return new Cell(value == null ? "" : value.toPlainString(), path, value, colspan, 1, false);
        }

        public boolean isData() {
            return path != null;
        }
    }

    /** One table: its part heading, its number of grid columns and its rows. */
    public record Table(String heading, int columns, List<List<Cell>> rows) {
    }

    public static final String ACTIVE_HEADING = "二、主动公开政府信息情况";
    public static final String APPLICATIONS_HEADING = "三、收到和处理政府信息公开申请情况";
    public static final String REVIEW_HEADING = "四、政府信息公开行政复议、行政诉讼情况";

    private static final List<String> COMMON_LABELS = List.of("（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
            "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息");
    private static final List<String> OTHER_SPLIT_LABELS = List.of("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他");
    private static final Map<String, String> GROUP_LABELS = Map.of("denied", "（三）不予公开", "unavailable", "（四）无法提供",
            "notProcessed", "（五）不予处理");
    private static final Map<String, String> ACTIVE_ROWS = Map.of("rules", "规章", "normativeDocuments", "规范性文件",
            "licensing", "行政许可", "otherServices", "其他对外管理服务事项", "penalty", "行政处罚", "coercion", "行政强制",
            "fees", "行政事业性收费", "procurement", "政府集中采购");

    private record Block(String caption, List<String> columns, List<String> rows) {
    }

    private static final List<Block> ACTIVE_2019 = List.of(
            new Block("第二十条第（一）项", List.of("本年新制作数量", "本年新公开数量", "对外公开总数量"), List.of("rules", "normativeDocuments")),
            new Block("第二十条第（五）项", List.of("上一年项目数量", "本年增/减", "处理决定数量"), List.of("licensing", "otherServices")),
            new Block("第二十条第（六）项", List.of("上一年项目数量", "本年增/减", "处理决定数量"), List.of("penalty", "coercion")),
            new Block("第二十条第（八）项", List.of("上一年项目数量", "本年增/减"), List.of("fees")),
            new Block("第二十条第（九）项", List.of("采购项目数量", "采购总金额"), List.of("procurement")));
    private static final List<Block> ACTIVE_2021 = List.of(
            new Block("第二十条第（一）项", List.of("本年制发件数", "本年废止件数", "现行有效件数"), List.of("rules", "normativeDocuments")),
            new Block("第二十条第（五）项", List.of("本年处理决定数量"), List.of("licensing")),
            new Block("第二十条第（六）项", List.of("本年处理决定数量"), List.of("penalty", "coercion")),
            new Block("第二十条第（八）项", List.of("本年收费金额（单位：万元）"), List.of("fees")));

    private static final Map<String, String> ACTIVE_CELLS = Map.ofEntries(Map.entry("issued", "本年制发件数"),
            Map.entry("repealed", "本年废止件数"), Map.entry("inForce", "现行有效件数"), Map.entry("decisions", "处理决定数量"),
            Map.entry("amountWanYuan", "本年收费金额（万元）"), Map.entry("newlyMade", "本年新制作数量"),
            Map.entry("newlyPublished", "本年新公开数量"), Map.entry("totalPublished", "对外公开总数量"),
            Map.entry("previousItems", "上一年项目数量"), Map.entry("change", "本年增/减"), Map.entry("projects", "采购项目数量"),
            Map.entry("amountYuan", "采购总金额（元）"));
    /** Part 三's columns, in the model's order ({@link Applications#COLUMNS}). */
    public static final List<String> APPLICANT_COLUMNS = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");
    /** Part 四's results, in the model's order ({@link ReviewLitigation.Group#CELLS}). */
    private static final List<String> REVIEW_RESULTS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
    private static final Map<String, String> REVIEW_GROUPS = Map.of("review", "行政复议", "litigationDirect", "行政诉讼（未经复议直接起诉）",
            "litigationAfterReview", "行政诉讼（复议后起诉）");
    private static final java.util.regex.Pattern APPLICATION_CELL = java.util.regex.Pattern.compile("applications\\.rows\\.(.+)\\[(\\d)]");

    private OfficialTables() {
    }

    /** A person's name for the cell at a model path, e.g. "（一）予以公开 · 自然人"; the path itself if unknown. */
    public static String label(String path) {
        java.util.regex.Matcher m = APPLICATION_CELL.matcher(path);
        if (m.matches()) {
            int column = Integer.parseInt(m.group(2));
            return rowLabel(m.group(1)) + " · " + (column < APPLICANT_COLUMNS.size() ? APPLICANT_COLUMNS.get(column) : m.group(2));
        }
        String[] parts = path.split("\\.");
        if (parts.length == 3 && parts[0].equals("active")) {
            String row = parts[1].equals("normativeDocuments") ? "（行政）规范性文件" : ACTIVE_ROWS.getOrDefault(parts[1], parts[1]);
            return row + " · " + ACTIVE_CELLS.getOrDefault(parts[2], parts[2]);
        }
        if (parts.length == 3 && parts[0].equals("reviewLitigation")) {
            int result = ReviewLitigation.Group.CELLS.indexOf(parts[2]);
            return REVIEW_GROUPS.getOrDefault(parts[1], parts[1]) + " · " + (result >= 0 ? REVIEW_RESULTS.get(result) : parts[2]);
        }
        return path;
    }

    /** A person's name for a part 三 row key. */
    public static String rowLabel(String key) {
        int common = Applications.OUTCOMES_COMMON.indexOf(key);
        int split = Applications.OTHER_SPLIT.indexOf(key);
        String group = key.contains(".") ? GROUP_LABELS.get(key.substring(0, key.indexOf('.'))) : null;
        return switch (key) {
            case Applications.NEW_RECEIVED -> "一、本年新收";
            case Applications.CARRIED_OVER -> "二、上年结转";
            case Applications.TOTAL_PROCESSED -> "（七）总计";
            case Applications.CARRIED_FORWARD -> "四、结转下年度继续办理";
            case "other" -> "（六）其他处理";
            default -> common >= 0 ? (group == null ? "" : group) + COMMON_LABELS.get(common).replaceFirst("（区分处理的.*）", "")
                    : split >= 0 ? "（六）" + OTHER_SPLIT_LABELS.get(split).replaceFirst("、行政机关不再处理其政府信息公开申请", "") : key;
        };
    }

    /** The tables the report has (a part that is missing from it has no table). */
    public static List<Table> of(Report r) {
        List<Table> tables = new ArrayList<>();
        if (r.active != null) {
            tables.add(active(r));
        }
        if (r.applications != null) {
            tables.add(applications(r.applications));
        }
        if (r.reviewLitigation != null) {
            tables.add(reviewLitigation(r.reviewLitigation));
        }
        return tables;
    }

    private static Table active(Report r) {
        boolean f2021 = r.format.has2021ActiveTable();
        Map<String, List<String>> layout = ActiveDisclosure.layout(r.format);
        List<List<Cell>> rows = new ArrayList<>();
        for (Block block : f2021 ? ACTIVE_2021 : ACTIVE_2019) {
            rows.add(List.of(Cell.header(block.caption, 4, 1)));
            List<Cell> header = new ArrayList<>();
            header.add(Cell.header("信息内容", 1, 1));
            for (int c = 0; c < block.columns.size(); c++) {
                header.add(Cell.header(block.columns.get(c), span(c, block.columns.size()), 1));
            }
            rows.add(header);
            for (String row : block.rows) {
                String label = f2021 && row.equals("normativeDocuments") ? "行政规范性文件" : ACTIVE_ROWS.get(row);
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.label(label, 1, 1));
                List<String> names = layout.get(row);
                for (int c = 0; c < names.size(); c++) {
                    cells.add(Cell.data("active." + row + "." + names.get(c), r.active.get(row, names.get(c)), span(c, names.size())));
                }
                rows.add(cells);
            }
        }
        return new Table(ACTIVE_HEADING, 4, rows);
    }

    private static Table applications(Applications a) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.header("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
                Cell.header("申请人情况", 7, 1)));
        rows.add(List.of(Cell.header(APPLICANT_COLUMNS.get(0), 1, 2), Cell.header("法人或其他组织", 5, 1),
                Cell.header(APPLICANT_COLUMNS.get(Applications.TOTAL), 1, 2)));
        rows.add(APPLICANT_COLUMNS.subList(1, Applications.TOTAL).stream().map(c -> Cell.header(c, 1, 1)).toList());
        rows.add(dataRow(a, Applications.NEW_RECEIVED, Cell.label("一、本年新收政府信息公开申请数量", 3, 1)));
        rows.add(dataRow(a, Applications.CARRIED_OVER, Cell.label("二、上年结转政府信息公开申请数量", 3, 1)));

        boolean split = a.otherSplit();
        List<String> outcomes = Applications.outcomeKeys(split);
        int resultRows = outcomes.size() + 1;
        List<Cell> lead = new ArrayList<>(List.of(Cell.label("三、本年度办理结果", 1, resultRows)));
        for (int i = 0; i < outcomes.size(); i++) {
            String key = outcomes.get(i);
            List<Cell> labels = new ArrayList<>(i == 0 ? lead : List.of());
            String group = key.contains(".") ? key.substring(0, key.indexOf('.')) : null;
            if (group != null && !group.equals("other") && key.equals(firstOf(outcomes, group))) {
                labels.add(Cell.label(GROUP_LABELS.get(group), 1, count(outcomes, group)));
            }
            if (group != null && group.equals("other") && key.equals(Applications.OTHER_SPLIT.get(0))) {
                labels.add(Cell.label("（六）其他处理", 1, Applications.OTHER_SPLIT.size()));
            }
            if (group == null) {
                labels.add(Cell.label(key.equals("other") ? "（六）其他处理" : COMMON_LABELS.get(i), 2, 1));
            } else if (group.equals("other")) {
                labels.add(Cell.label(OTHER_SPLIT_LABELS.get(Applications.OTHER_SPLIT.indexOf(key)), 1, 1));
            } else {
                labels.add(Cell.label(COMMON_LABELS.get(i), 1, 1));
            }
            rows.add(dataRow(a, key, labels.toArray(Cell[]::new)));
        }
        rows.add(dataRow(a, Applications.TOTAL_PROCESSED, Cell.label("（七）总计", 2, 1)));
        rows.add(dataRow(a, Applications.CARRIED_FORWARD, Cell.label("四、结转下年度继续办理", 3, 1)));
        return new Table(APPLICATIONS_HEADING, 10, rows);
    }

    private static Table reviewLitigation(ReviewLitigation rl) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.header("行政复议", 5, 1), Cell.header("行政诉讼", 10, 1)));
        List<Cell> second = new ArrayList<>();
        REVIEW_RESULTS.forEach(t -> second.add(Cell.header(t, 1, 2)));
        second.add(Cell.header("未经复议直接起诉", 5, 1));
        second.add(Cell.header("复议后起诉", 5, 1));
        rows.add(second);
        List<Cell> third = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            REVIEW_RESULTS.forEach(t -> third.add(Cell.header(t, 1, 1)));
        }
        rows.add(third);
        List<Cell> data = new ArrayList<>();
        rl.groups().forEach((group, g) -> {
            Long[] values = g.cells();
            for (int k = 0; k < values.length; k++) {
                data.add(Cell.data("reviewLitigation." + group + "." + ReviewLitigation.Group.CELLS.get(k),
                        values[k] == null ? null : BigDecimal.valueOf(values[k]), 1));
            }
        });
        rows.add(data);
        return new Table(REVIEW_HEADING, 15, rows);
    }

    /** The span of column {@code c} of {@code n} over part 二's three data grid columns (the last takes the rest). */
    private static int span(int c, int n) {
        return c == n - 1 ? 3 - (n - 1) * (3 / n) : 3 / n;
    }

    private static List<Cell> dataRow(Applications a, String key, Cell... labels) {
        List<Cell> row = new ArrayList<>(List.of(labels));
        for (int c = 0; c < Applications.COLUMNS.size(); c++) {
            Long v = a.cell(key, c);
            row.add(Cell.data(Applications.path(key, c), v == null ? null : BigDecimal.valueOf(v), 1));
        }
        return row;
    }

    private static String firstOf(List<String> keys, String group) {
        return keys.stream().filter(k -> k.startsWith(group + ".")).findFirst().orElse(null);
    }

    private static int count(List<String> keys, String group) {
        return (int) keys.stream().filter(k -> k.startsWith(group + ".")).count();
    }
}
