package org.nianbao.extraction;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.nianbao.model.Applications;
import org.nianbao.model.Report;
import org.nianbao.model.ReviewLitigation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a report's tables the way agencies publish them, as a Word document (merged cells included)
 * or an HTML page (rowspan/colspan, page chrome around it), to exercise the structural readers.
 */
final class OfficialTables {
    static final Map<String, String> ACTIVE_LABELS_2019 = new LinkedHashMap<>();
    static final Map<String, String> APPLICATION_LABELS = new LinkedHashMap<>();

    static {
        ACTIVE_LABELS_2019.put("rules", "规章");
        ACTIVE_LABELS_2019.put("normativeDocuments", "规范性文件");
        ACTIVE_LABELS_2019.put("licensing", "行政许可");
        ACTIVE_LABELS_2019.put("otherServices", "其他对外管理服务事项");
        ACTIVE_LABELS_2019.put("penalty", "行政处罚");
        ACTIVE_LABELS_2019.put("coercion", "行政强制");
        ACTIVE_LABELS_2019.put("fees", "行政事业性收费");
        ACTIVE_LABELS_2019.put("procurement", "政府集中采购");
        String[] labels = {"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
                "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
                "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
                "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理", "（七）总计", "四、结转下年度继续办理"};
        List<String> keys = Applications.rowKeys(false);
        for (int i = 0; i < keys.size(); i++) {
            APPLICATION_LABELS.put(keys.get(i), labels[i]);
        }
    }

    private OfficialTables() {
    }

    /** The narrative around the tables, as paragraphs: title, headings, sections. */
    private static List<String[]> parts(Report r) {
        List<String[]> parts = new ArrayList<>();
        parts.add(new String[]{"一、总体情况", r.sections.overview});
        parts.add(new String[]{"二、主动公开政府信息情况", null});
        parts.add(new String[]{"三、收到和处理政府信息公开申请情况", null});
        parts.add(new String[]{"四、政府信息公开行政复议、行政诉讼情况", null});
        parts.add(new String[]{"五、存在的主要问题及改进情况", r.sections.problems});
        parts.add(new String[]{"六、其他需要报告的事项", r.sections.other});
        return parts;
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    // ---- Word --------------------------------------------------------------------------------------

    static byte[] docx(Report r) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(r.title);
            for (String[] part : parts(r)) {
                doc.createParagraph().createRun().setText(part[0]);
                if (part[1] != null) {
                    for (String line : part[1].split("\n")) {
                        doc.createParagraph().createRun().setText(line);
                    }
                }
                switch (part[0].charAt(0)) {
                    case '二' -> activeTable(doc, r);
                    case '三' -> applicationsTable(doc, r);
                    case '四' -> reviewTable(doc, r);
                    default -> { }
                }
            }
            if (r.publishedOn != null) {
                doc.createParagraph().createRun().setText(r.publishedOn.getYear() + "年" + r.publishedOn.getMonthValue() + "月"
                        + r.publishedOn.getDayOfMonth() + "日");
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void activeTable(XWPFDocument doc, Report r) {
        XWPFTable t = doc.createTable();
        boolean first = true;
        for (var row : ACTIVE_LABELS_2019.entrySet()) {
            XWPFTableRow tr = first ? t.getRow(0) : t.createRow();
            if (first) {
                tr.getCell(0).setText("第二十条第（一）项");
                tr = t.createRow();
                first = false;
            }
            setCells(tr, row.getValue(), r.active.rows().get(row.getKey()).values().stream().map(OfficialTables::cell).toList());
        }
    }

    private static void applicationsTable(XWPFDocument doc, Report r) {
        XWPFTable t = doc.createTable();
        setCells(t.getRow(0), "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"));
        boolean inResults = false;
        for (var row : APPLICATION_LABELS.entrySet()) {
            XWPFTableRow tr = t.createRow();
            List<String> values = r.applications.rows.get(row.getKey()).stream().map(OfficialTables::cell).toList();
            List<String> cells = new ArrayList<>();
            boolean result = !row.getKey().startsWith("new") && !row.getKey().startsWith("carried");
            // 三、本年度办理结果: one cell merged down the result rows (vMerge restart, then continue)
            cells.add(result ? (inResults ? "" : "三、本年度办理结果") : row.getValue());
            if (result) {
                cells.add(row.getValue());
            }
            cells.addAll(values);
            setCells(tr, cells.get(0), cells.subList(1, cells.size()));
            if (result) {
                XWPFTableCell merged = tr.getCell(0);
                merged.getCTTc().addNewTcPr().addNewVMerge().setVal(inResults ? null : STMerge.RESTART);
                if (inResults) {
                    merged.getCTTc().getTcPr().getVMerge().unsetVal();
                }
            }
            inResults = result && !row.getKey().equals("totalProcessed");
        }
    }

    private static void reviewTable(XWPFDocument doc, Report r) {
        XWPFTable t = doc.createTable();
        setCells(t.getRow(0), "行政复议", List.of("行政诉讼"));
        List<String> values = new ArrayList<>();
        for (ReviewLitigation.Group g : r.reviewLitigation.groups().values()) {
            for (Long v : g.cells()) {
                values.add(cell(v));
            }
        }
        XWPFTableRow header = t.createRow();
        setCells(header, "结果维持", List.of("结果纠正", "其他结果", "尚未审结", "总计"));
        setCells(t.createRow(), values.get(0), values.subList(1, values.size()));
    }

    private static void setCells(XWPFTableRow tr, String first, List<String> rest) {
        while (tr.getTableCells().size() < rest.size() + 1) {
            tr.addNewTableCell();
        }
        tr.getCell(0).setText(first);
        for (int i = 0; i < rest.size(); i++) {
            tr.getCell(i + 1).setText(rest.get(i));
        }
    }

    // ---- HTML --------------------------------------------------------------------------------------

    static String html(Report r) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(r.title).append("</title><script>var nav = '总体情况 行政复议';</script></head><body>")
                .append("<div class=\"header\"><ul class=\"nav\"><li>首页</li><li>政务公开</li></ul></div>")
                .append("<div class=\"article\"><h2>").append(r.title).append("</h2>");
        for (String[] part : parts(r)) {
            b.append("<p><strong>").append(part[0]).append("</strong></p>");
            if (part[1] != null) {
                for (String line : part[1].split("\n")) {
                    b.append("<p>").append(line).append("</p>");
                }
            }
            switch (part[0].charAt(0)) {
                case '二' -> {
                    b.append("<table border=\"1\"><tr><td colspan=\"4\">第二十条第（一）项</td></tr>");
                    for (var row : ACTIVE_LABELS_2019.entrySet()) {
                        b.append("<tr><td>").append(row.getValue()).append("</td>");
                        r.active.rows().get(row.getKey()).values().forEach(v -> b.append("<td>").append(cell(v)).append("</td>"));
                        b.append("</tr>");
                    }
                    b.append("</table>");
                }
                case '三' -> {
                    b.append("<table border=\"1\"><tr><td colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，"
                            + "等于第三项加第四项之和）</td><td colspan=\"7\">申请人情况</td></tr><tr><td rowspan=\"2\">自然人</td>"
                            + "<td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr><tr><td>商业企业</td><td>科研机构</td>"
                            + "<td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>");
                    boolean first = true;
                    for (var row : APPLICATION_LABELS.entrySet()) {
                        boolean result = !row.getKey().startsWith("new") && !row.getKey().startsWith("carried");
                        b.append("<tr>");
                        if (result && first) {
                            b.append("<td rowspan=\"21\">三、本年度办理结果</td>");
                            first = false;
                        }
                        b.append("<td colspan=\"").append(result ? 2 : 3).append("\">").append(row.getValue()).append("</td>");
                        r.applications.rows.get(row.getKey()).forEach(v -> b.append("<td>").append(v == null ? "&nbsp;" : v).append("</td>"));
                        b.append("</tr>");
                    }
                    b.append("</table>");
                }
                case '四' -> {
                    b.append("<table border=\"1\"><tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>"
                            + "<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr><tr>");
                    for (ReviewLitigation.Group g : r.reviewLitigation.groups().values()) {
                        for (Long v : g.cells()) {
                            b.append("<td>").append(cell(v)).append("</td>");
                        }
                    }
                    b.append("</tr></table>");
                }
                default -> { }
            }
        }
        if (r.publishedOn != null) {
            b.append("<p>").append(r.publishedOn.getYear()).append("年").append(r.publishedOn.getMonthValue()).append("月")
                    .append(r.publishedOn.getDayOfMonth()).append("日</p>");
        }
        return b.append("</div><div class=\"footer\">版权所有 网站标识码 3309020001</div></body></html>").toString();
    }
}
