package org.nianbao.material;

import org.nianbao.model.ActiveDisclosure;
import org.nianbao.model.Applications;
import org.nianbao.model.Report;
import org.nianbao.model.ReviewLitigation;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The three official tables of a report as grids with merged cells (colspan/rowspan, i.e. gridSpan/vMerge in
 * Word), laid out as the 2019 and 2021 templates (docs/report-format.md) and written in a {@link Style}.
 * HTML, Word and flattened text are all rendered from these grids.
 */
final class Tables {
    enum Kind { HEADER, LABEL, NUMBER }

    record Cell(String text, int colspan, int rowspan, Kind kind) {
    }

    /** A table: its part heading, its grid columns' relative widths and its rows (continuations of merges omitted). */
    record Table(String heading, int[] widths, List<List<Cell>> rows) {
        int columns() {
            return widths.length;
        }
    }

    static final String ACTIVE_HEADING = "二、主动公开政府信息情况";
    static final String APPLICATIONS_HEADING = "三、收到和处理政府信息公开申请情况";
    static final String REVIEW_HEADING = "四、政府信息公开行政复议、行政诉讼情况";

    static final List<String> OUTCOME_LABELS = List.of("（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
            "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息");
    static final List<String> OTHER_SPLIT_LABELS = List.of("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他");
    private static final Map<String, String> GROUPS = Map.of("denied", "（三）不予公开", "unavailable", "（四）无法提供",
            "notProcessed", "（五）不予处理", "other", "（六）其他处理");
    private static final Map<String, String> ACTIVE_ROWS = Map.of("rules", "规章", "licensing", "行政许可",
            "otherServices", "其他对外管理服务事项", "penalty", "行政处罚", "coercion", "行政强制", "fees", "行政事业性收费",
            "procurement", "政府集中采购");
    private static final List<String> RESULTS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
    private static final Map<String, String> TYPOS = Map.of("2.其他法律行政法规禁止公开", "2.其他法律行政止公开",
            "4.无正当理由大量反复申请", "4.无正当理由由大量反复申请", "本年废止件数", "本年废纸件数");

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

    private final Report report;
    private final Style style;

    Tables(Report report, Style style) {
        this.report = report;
        this.style = style;
    }

    List<Table> all() {
        return List.of(active(), applications(), reviewLitigation());
    }

    /** A label as this style writes it: typos, 、 for the dot of sub-item numbers. */
    String label(String official) {
        String text = style.typos() ? TYPOS.getOrDefault(official, official) : official;
        return style.enumComma() ? text.replaceFirst("^(\\d)\\.", "$1、") : text;
    }

    /** The normative-documents row label of the report's format, swapped when the style says so. */
    String normativeLabel() {
        return report.format.has2021ActiveTable() != style.swapNormative() ? "行政规范性文件" : "规范性文件";
    }

    /** A number as printed in a table cell. */
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
        boolean f2021 = report.format.has2021ActiveTable();
        Map<String, List<String>> layout = ActiveDisclosure.layout(report.format);
        List<List<Cell>> rows = new ArrayList<>();
        for (Block block : f2021 ? ACTIVE_2021 : ACTIVE_2019) {
            rows.add(List.of(new Cell(block.caption, 4, 1, Kind.HEADER)));
            List<Cell> header = new ArrayList<>(List.of(new Cell("信息内容", 1, 1, Kind.HEADER)));
            for (int c = 0; c < block.columns.size(); c++) {
                header.add(new Cell(label(block.columns.get(c)), span(c, block.columns.size()), 1, Kind.HEADER));
            }
            rows.add(header);
            for (String row : block.rows) {
                List<Cell> cells = new ArrayList<>();
                cells.add(new Cell(row.equals("normativeDocuments") ? normativeLabel() : ACTIVE_ROWS.get(row), 1, 1, Kind.LABEL));
                List<String> names = layout.get(row);
                for (int c = 0; c < names.size(); c++) {
                    cells.add(new Cell(number(report.active.get(row, names.get(c)), names.get(c)), span(c, names.size()), 1, Kind.NUMBER));
                }
                rows.add(cells);
            }
        }
        return new Table(ACTIVE_HEADING, style.narrowLabels() ? new int[]{2, 3, 3, 3} : new int[]{3, 2, 2, 2}, rows);
    }

    Table applications() {
        Applications a = report.applications;
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(new Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3, Kind.HEADER),
                new Cell("申请人情况", 7, 1, Kind.HEADER)));
        rows.add(List.of(new Cell("自然人", 1, 2, Kind.HEADER), new Cell("法人或其他组织", 5, 1, Kind.HEADER),
                new Cell("总计", 1, 2, Kind.HEADER)));
        rows.add(List.of("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他").stream()
                .map(t -> new Cell(t, 1, 1, Kind.HEADER)).toList());
        rows.add(dataRow(Applications.NEW_RECEIVED, new Cell("一、本年新收政府信息公开申请数量", 3, 1, Kind.LABEL)));
        rows.add(dataRow(Applications.CARRIED_OVER, new Cell("二、上年结转政府信息公开申请数量", 3, 1, Kind.LABEL)));
        boolean split = a.otherSplit();
        List<String> outcomes = Applications.outcomeKeys(split);
        for (int i = 0; i < outcomes.size(); i++) {
            String key = outcomes.get(i);
            List<Cell> labels = new ArrayList<>();
            if (i == 0) {
                labels.add(new Cell("三、本年度办理结果", 1, outcomes.size() + 1, Kind.LABEL));
            }
            String group = key.contains(".") ? key.substring(0, key.indexOf('.')) : null;
            if (group == null) {
                labels.add(new Cell(key.equals("other") ? "（六）其他处理" : OUTCOME_LABELS.get(i), 2, 1, Kind.LABEL));
            } else {
                List<String> members = outcomes.stream().filter(k -> k.startsWith(group + ".")).toList();
                if (members.get(0).equals(key)) {
                    labels.add(new Cell(GROUPS.get(group), 1, members.size(), Kind.LABEL));
                }
                labels.add(new Cell(label(group.equals("other") ? OTHER_SPLIT_LABELS.get(members.indexOf(key)) : OUTCOME_LABELS.get(i)),
                        1, 1, Kind.LABEL));
            }
            rows.add(dataRow(key, labels.toArray(Cell[]::new)));
        }
        rows.add(dataRow(Applications.TOTAL_PROCESSED, new Cell("（七）总计", 2, 1, Kind.LABEL)));
        rows.add(dataRow(Applications.CARRIED_FORWARD, new Cell("四、结转下年度继续办理", 3, 1, Kind.LABEL)));
        int label = style.narrowLabels() ? 2 : 4;
        return new Table(APPLICATIONS_HEADING, new int[]{2, 3, label + 2, 2, 2, 2, 2, 2, 2, 2}, rows);
    }

    Table reviewLitigation() {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(new Cell("行政复议", 5, 1, Kind.HEADER), new Cell("行政诉讼", 10, 1, Kind.HEADER)));
        List<Cell> second = new ArrayList<>();
        RESULTS.forEach(t -> second.add(new Cell(t, 1, 2, Kind.HEADER)));
        second.add(new Cell("未经复议直接起诉", 5, 1, Kind.HEADER));
        second.add(new Cell("复议后起诉", 5, 1, Kind.HEADER));
        rows.add(second);
        List<Cell> third = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            RESULTS.forEach(t -> third.add(new Cell(t, 1, 1, Kind.HEADER)));
        }
        rows.add(third);
        List<Cell> data = new ArrayList<>();
        for (ReviewLitigation.Group g : report.reviewLitigation.groups().values()) {
            for (Long v : g.cells()) {
                data.add(new Cell(number(v == null ? null : BigDecimal.valueOf(v), "count"), 1, 1, Kind.NUMBER));
            }
        }
        rows.add(data);
        int[] widths = new int[15];
        java.util.Arrays.fill(widths, 1);
        return new Table(REVIEW_HEADING, widths, rows);
    }

    private List<Cell> dataRow(String key, Cell... labels) {
        List<Cell> row = new ArrayList<>(List.of(labels));
        for (int c = 0; c < Applications.COLUMNS.size(); c++) {
            Long v = report.applications.cell(key, c);
            row.add(new Cell(number(v == null ? null : BigDecimal.valueOf(v), "count"), 1, 1, Kind.NUMBER));
        }
        return row;
    }

    /** The span of column {@code c} of {@code n} over part 二's three data grid columns (the last takes the rest). */
    private static int span(int c, int n) {
        return c == n - 1 ? 3 - (n - 1) * (3 / n) : 3 / n;
    }
}
