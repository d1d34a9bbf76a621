package org.nianbao.publication.web;

import org.nianbao.model.OfficialTables;

import java.util.List;
import java.util.Map;

/** The public pages' common frame and helpers: one stylesheet inline, nothing fetched from elsewhere. */
public final class Html {
    private static final String STYLE = """
            body{font-family:system-ui,"Noto Sans CJK SC","Noto Sans SC",sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
            header{background:#8b1a1a;color:#fff;padding:.8rem 1.5rem}header a{color:#fff;margin-right:1.2rem;text-decoration:none}
            header b{margin-right:2rem}main{max-width:76rem;margin:1.5rem auto;padding:0 1rem}
            table{border-collapse:collapse;margin:.8rem 0;background:#fff}th,td{border:1px solid #aaa;padding:.3rem .5rem}
            table.list{width:100%}table.list td,table.list th{border:0;border-bottom:1px solid #ddd;text-align:left}
            table.official td{text-align:right}table.official td.label{text-align:left}table.official th{background:#f1f1f1;font-weight:600}
            .flag{background:#ffd6d6;outline:2px solid #b00020}.error{color:#b00020}.warning{color:#8a5a00}.info{color:#555}
            .err{color:#b00020;font-weight:600}.ok{color:#2e7d32}form.filters{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
            input,select,button{padding:.35rem;font-size:1rem}.muted{color:#666}.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
            figure{background:#fff;border:1px solid #ddd;padding:.5rem;margin:0}figcaption{font-weight:600;margin-bottom:.3rem}
            nav.pages a{margin-right:1rem}td.changed{background:#fff4c2}
            ul.findings li{margin:.3rem 0}ul.findings form{display:inline-block;margin-left:.5rem}.decision{color:#2e7d32}""";

    private Html() {
    }

    /** A whole page: title, the site header, and the body. */
    public static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + " · Nianbao</title><style>" + STYLE + "</style></head><body><header><b>政府信息公开工作年度报告</b>"
                + "<a href=\"/\">报告 Reports</a><a href=\"/rollups\">汇总 Roll-ups</a><a href=\"/q/swagger-ui\">API</a></header><main>"
                + body + "</main></body></html>";
    }

    public static String escape(Object o) {
        if (o == null) {
            return "";
        }
        return o.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The official tables, each data cell that carries a finding highlighted, the finding in its title. */
    public static String tables(List<OfficialTables.Table> tables, Map<String, String> flagged) {
        StringBuilder b = new StringBuilder();
        for (OfficialTables.Table table : tables) {
            b.append("<h2>").append(escape(table.heading())).append("</h2><table class=\"official\">");
            for (List<OfficialTables.Cell> row : table.rows()) {
                b.append("<tr>");
                row.forEach(cell -> cell(b, cell, cell.isData() ? flagged.get(cell.path()) : null));
                b.append("</tr>");
            }
            b.append("</table>");
        }
        return b.toString();
    }

    private static void cell(StringBuilder b, OfficialTables.Cell cell, String finding) {
        String tag = cell.header() ? "th" : "td";
        b.append('<').append(tag);
        if (finding != null) {
            b.append(" class=\"flag\" title=\"").append(escape(finding)).append("\" data-path=\"").append(escape(cell.path())).append('"');
        } else if (!cell.isData() && !cell.header()) {
            b.append(" class=\"label\"");
        }
        if (cell.colspan() > 1) {
            b.append(" colspan=\"").append(cell.colspan()).append('"');
        }
        if (cell.rowspan() > 1) {
            b.append(" rowspan=\"").append(cell.rowspan()).append('"');
        }
        b.append('>').append(escape(cell.text())).append("</").append(tag).append('>');
    }

    /**
     * A link to a page elsewhere: an anchor only for an absolute http(s) URL, so a stored {@code javascript:} or
     * {@code data:} URL never becomes a live link; anything else is shown as text.
     */
    static String externalLink(String url, String text) {
        return isHttp(url) ? "<a href=\"" + escape(url) + "\" rel=\"noopener noreferrer nofollow\">" + escape(text) + "</a>"
                : escape(text) + " <span class=\"muted\">" + escape(url) + "</span>";
    }

    static boolean isHttp(String url) {
        try {
            java.net.URI uri = new java.net.URI(url.strip());
            return uri.getScheme() != null && uri.getHost() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** A query-string value, percent-encoded. */
    static String param(Object value) {
        return value == null ? "" : java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
