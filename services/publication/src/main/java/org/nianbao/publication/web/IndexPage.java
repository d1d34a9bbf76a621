package org.nianbao.publication.web;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.rest.ReportFilter;
import org.nianbao.publication.service.ReportService;

import java.util.List;

import static org.nianbao.publication.web.Html.escape;
import static org.nianbao.publication.web.Html.param;

/**
 * The public front page: search and browse the published reports (agency, region, year, format, errors),
 * newest year first, a page of 50 at a time, with links to each report and agency.
 */
@Path("/")
public class IndexPage {
    static final int PAGE_SIZE = 50;

    @Inject
    ReportService reports;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> index(@BeanParam ReportFilter filter, @QueryParam("page") Integer page) {
        int current = page == null || page < 1 ? 1 : page;
        return reports.list(filter.query(), (current - 1) * PAGE_SIZE, PAGE_SIZE)
                .map(result -> render(filter, result.items(), result.total(), current));
    }

    static String render(ReportFilter f, List<PublishedReport> reports, long total, int page) {
        StringBuilder b = new StringBuilder("<h1>政府信息公开工作年度报告</h1>"
                + "<p class=\"muted\">Published government information disclosure annual reports, read and checked by Nianbao.</p>"
                + "<form class=\"filters\" method=\"get\" action=\"/\">");
        b.append("<input name=\"agency\" placeholder=\"机关名称 / agency\" value=\"").append(escape(f.agency)).append("\">")
                .append("<input name=\"region\" size=\"8\" placeholder=\"区划代码\" value=\"").append(escape(f.region)).append("\">")
                .append("<input name=\"year\" size=\"5\" placeholder=\"年度\" value=\"").append(escape(f.year)).append("\">")
                .append("<input name=\"rule\" size=\"6\" placeholder=\"规则 C-01\" value=\"").append(escape(f.rule)).append("\">")
                .append("<select name=\"format\"><option value=\"\">全部格式</option>");
        for (String format : List.of("2019", "2021", "mixed", "legacy", "unknown")) {
            b.append("<option").append(format.equals(f.format) ? " selected" : "").append('>').append(format).append("</option>");
        }
        b.append("</select><label><input type=\"checkbox\" name=\"hasErrors\" value=\"true\"")
                .append(Boolean.TRUE.equals(f.hasErrors) ? " checked" : "").append("> 仅含错误</label><button>搜索</button></form>");
        b.append("<p id=\"count\">共 ").append(total).append(" 份报告 · ").append(total).append(" report(s)</p>");
        b.append("<table class=\"list\" id=\"reports\"><thead><tr><th>年度</th><th>机关</th><th>区划</th><th>格式</th><th>发现的问题</th>"
                + "<th>数据</th></tr></thead><tbody>");
        for (PublishedReport r : reports) {
            b.append("<tr><td>").append(escape(r.year)).append("</td><td><a href=\"/reports/").append(escape(r.id)).append("\">")
                    .append(escape(r.agency == null ? r.title : r.agency)).append("</a></td><td>").append(escape(r.regionCode))
                    .append("</td><td>").append(escape(r.format)).append("</td><td>")
                    .append(r.errorCount > 0 ? "<span class=\"err\">" + r.errorCount + " 个错误</span>" : "<span class=\"ok\">无错误</span>")
                    .append(r.warningCount > 0 ? "，" + r.warningCount + " 个提示" : "")
                    .append("</td><td><a href=\"/agencies/").append(escape(param(r.agencyKey))).append("\">历年</a> · <a href=\"/api/v1/reports/")
                    .append(escape(r.id)).append("\">JSON</a></td></tr>");
        }
        b.append("</tbody></table>");
        long pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        String query = "agency=" + param(f.agency) + "&region=" + param(f.region) + "&year=" + param(f.year) + "&format="
                + param(f.format) + "&rule=" + param(f.rule) + (Boolean.TRUE.equals(f.hasErrors) ? "&hasErrors=true" : "");
        if (pages > 1) {
            b.append("<nav class=\"pages\">");
            if (page > 1) {
                b.append("<a href=\"/?").append(escape(query)).append("&amp;page=").append(page - 1).append("\">← 上一页</a>");
            }
            b.append("第 ").append(page).append(" / ").append(pages).append(" 页 ");
            if (page < pages) {
                b.append("<a href=\"/?").append(escape(query)).append("&amp;page=").append(page + 1).append("\">下一页 →</a>");
            }
            b.append("</nav>");
        }
        b.append("<p class=\"muted\">导出这些报告的单元格 Export these reports' cells: <a href=\"/api/v1/exports/cells.csv?")
                .append(escape(query)).append("\">CSV</a> · <a href=\"/api/v1/exports/cells.xlsx?").append(escape(query)).append("\">XLSX</a></p>");
        return Html.page("政府信息公开工作年度报告", b.toString());
    }
}
