package org.nianbao.material;

import org.nianbao.model.Report;

import java.time.LocalDate;
import java.util.List;

/**
 * A report as a government web page publishes it: site header, breadcrumb, title and date line, the report's
 * paragraphs and its tables (rowspan/colspan), the site footer. Chromium prints this page to PDF.
 */
final class Html {
    private Html() {
    }

    static String page(Report r, Style style) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(esc(r.title)).append("</title>\n")
                .append("<style>body{font-family:'WenQuanYi Zen Hei',sans-serif;font-size:14px;margin:0 auto;max-width:900px}")
                .append(".nav a{margin:0 8px}.position{font-size:12px;color:#666;margin:8px 0}h1{font-size:20px;text-align:center}")
                .append(".info{text-align:center;font-size:12px;color:#888}.article p{text-indent:2em;line-height:1.8;margin:4px 0}")
                .append("table{border-collapse:collapse;width:100%;margin:8px 0}td{border:1px solid #000;padding:2px 3px;")
                .append("font-size:12px;text-align:center;vertical-align:middle}td.label{text-align:left}")
                .append(".sign{text-align:right}.footer{font-size:12px;color:#666;border-top:1px solid #ccc;margin-top:20px}")
                .append("@page{size:A4;margin:18mm 15mm}</style></head>\n<body>\n")
                .append("<div class=\"nav\"><a href=\"#\">首页</a><a href=\"#\">政务公开</a><a href=\"#\">政务服务</a>")
                .append("<a href=\"#\">互动交流</a><a href=\"#\">走进本地</a></div>\n")
                .append("<div class=\"position\">当前位置：<a href=\"#\">首页</a> &gt; <a href=\"#\">政务公开</a> &gt; ")
                .append("<a href=\"#\">政府信息公开</a> &gt; <a href=\"#\">政府信息公开年报</a></div>\n")
                .append("<h1>").append(esc(r.title)).append("</h1>\n<div class=\"info\">来源：").append(esc(nz(r.agency)))
                .append("　发布时间：").append(posted(r)).append("　【字体：大 中 小】　打印</div>\n<div class=\"article\">\n");
        Tables tables = new Tables(r, style);
        for (Parts.Part part : Parts.of(r)) {
            h.append("<p>").append(esc(part.heading())).append("</p>\n");
            paragraphs(h, part.text());
            if (part.table() != null) {
                table(h, part.table().apply(tables));
            }
        }
        if (r.agency != null) {
            h.append("<p class=\"sign\">").append(esc(r.agency)).append("</p>\n");
        }
        if (r.publishedOn != null) {
            h.append("<p class=\"sign\">").append(Parts.chineseDate(r.publishedOn)).append("</p>\n");
        }
        h.append("</div>\n<div class=\"footer\">主办单位：").append(esc(nz(r.agency)))
                .append("　网站标识码：3209000001　备案号：苏ICP备05000000号<br>联系我们　|　网站地图　|　隐私声明</div>\n</body></html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, Tables.Table t) {
        h.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\">\n<colgroup>");
        int sum = java.util.Arrays.stream(t.widths()).sum();
        for (int w : t.widths()) {
            h.append("<col style=\"width:").append(100 * w / sum).append("%\">");
        }
        h.append("</colgroup>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            List<Tables.Cell> row = t.rows().get(r);
            h.append(r == 0 && t.repeatedRows() > 0 ? "<thead>" : r == t.repeatedRows() && r > 0 ? "<tbody>" : "").append("<tr>");
            for (Tables.Cell c : row) {
                h.append("<td");
                if (c.colspan() > 1) {
                    h.append(" colspan=\"").append(c.colspan()).append('"');
                }
                if (c.rowspan() > 1) {
                    h.append(" rowspan=\"").append(c.rowspan()).append('"');
                }
                if (c.kind() == Tables.Kind.LABEL) {
                    h.append(" class=\"label\"");
                }
                h.append('>').append(esc(c.text())).append("</td>");
            }
            h.append("</tr>").append(r == t.repeatedRows() - 1 ? "</thead>" : "").append('\n');
        }
        h.append(t.repeatedRows() > 0 ? "</tbody>" : "").append("</table>\n");
    }

    private static void paragraphs(StringBuilder h, String text) {
        if (text != null) {
            for (String p : text.split("\n")) {
                h.append("<p>").append(esc(p)).append("</p>\n");
            }
        }
    }

    static String posted(Report r) {
        LocalDate d = r.publishedOn != null ? r.publishedOn : LocalDate.of(r.year + 1, 1, 20);
        return d + " 09:30";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
