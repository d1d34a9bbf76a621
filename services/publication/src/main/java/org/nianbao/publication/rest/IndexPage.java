package org.nianbao.publication.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.publication.model.PublishedReport;

import java.util.List;

/**
 * The public front page: the published reports, newest year first, searchable by agency, with links to
 * each report's data. Server-rendered, no asset fetched from anywhere.
 */
@Path("/")
public class IndexPage {

    @GET
    @Produces(MediaType.TEXT_HTML)
    @WithSession
    public Uni<String> index(@QueryParam("agency") String agency) {
        String filter = agency == null ? "" : agency.strip();
        Uni<List<PublishedReport>> reports = filter.isEmpty()
                ? PublishedReport.<PublishedReport>find("order by year desc, agency").range(0, 199).list()
                : PublishedReport.<PublishedReport>find("agency like ?1 order by year desc, agency", "%" + filter + "%").range(0, 199).list();
        return reports.map(list -> render(list, filter));
    }

    static String render(List<PublishedReport> reports, String filter) {
        StringBuilder b = new StringBuilder("""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>政府信息公开工作年度报告 · Nianbao</title>
                <style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem}
                table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}
                .err{color:#b00020;font-weight:600}.ok{color:#2e7d32}input{padding:.3rem;width:20rem}</style></head><body>
                <h1>政府信息公开工作年度报告</h1>
                <p>Published government information disclosure annual reports, read and checked by Nianbao.</p>
                <form method="get"><input name="agency" placeholder="机关名称 / agency" value=\"""");
        b.append(escape(filter)).append("\"> <button>搜索</button></form><p>").append(reports.size())
                .append(" report(s)</p><table><thead><tr><th>年度</th><th>机关</th><th>格式</th><th>发现的问题</th><th>数据</th></tr></thead><tbody>");
        for (PublishedReport r : reports) {
            b.append("<tr><td>").append(r.year == null ? "" : r.year).append("</td><td>").append(escape(r.agency))
                    .append("</td><td>").append(escape(r.format)).append("</td><td>")
                    .append(r.errorCount > 0 ? "<span class=\"err\">" + r.errorCount + " 个错误</span>" : "<span class=\"ok\">无错误</span>")
                    .append(r.warningCount > 0 ? "，" + r.warningCount + " 个提示" : "")
                    .append("</td><td><a href=\"/reports/").append(escape(r.id)).append("\">报告</a> · <a href=\"/api/v1/reports/")
                    .append(escape(r.id)).append("\">JSON</a></td></tr>");
        }
        return b.append("</tbody></table></body></html>").toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
