package org.nianbao.publication.web;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.model.Applications;
import org.nianbao.publication.rest.QueryParams;
import org.nianbao.publication.service.Completeness;
import org.nianbao.publication.service.CompletenessService;
import org.nianbao.model.OfficialTables;
import org.nianbao.publication.service.ReportService;
import org.nianbao.publication.service.Rollup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.nianbao.publication.web.Html.escape;

/**
 * The region/year roll-up page: the sum of a region's reports with charts of applicants, outcomes and
 * review/litigation results, the summed part 三 table, and which registered agencies have not published.
 */
@Path("/rollups")
public class RollupPage {
    private static final List<String> APPLICANTS = OfficialTables.APPLICANT_COLUMNS.subList(0, Applications.TOTAL);
    private static final Map<Completeness.Status, String> STATUS = Map.of(Completeness.Status.ON_TIME, "按时发布",
            Completeness.Status.LATE, "逾期发布", Completeness.Status.DATE_UNKNOWN, "发布日期不明", Completeness.Status.MISSING, "逾期未发布",
            Completeness.Status.NOT_YET_DUE, "尚未到期");

    @Inject
    ReportService reports;
    @Inject
    CompletenessService completeness;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> page(@QueryParam("region") String region, @QueryParam("year") String year) {
        String prefix = QueryParams.regionPrefix(region);
        if (year == null || year.isBlank()) {
            return reports.years().map(ys -> render(prefix, null, ys, null, null));
        }
        int y = QueryParams.requireYear(QueryParams.year(year), "/rollups?region=32&year=2024");
        return reports.years().flatMap(ys -> reports.rollup(prefix, y).flatMap(rollup -> completeness.completeness(prefix, y)
                .map(c -> render(prefix, y, ys, rollup, c))));
    }

    static String render(String region, Integer year, List<Integer> years, Rollup r, Completeness c) {
        StringBuilder b = new StringBuilder("<h1>区域汇总 Regional roll-up</h1><form class=\"filters\" method=\"get\" action=\"/rollups\">")
                .append("<input name=\"region\" size=\"8\" placeholder=\"区划代码前缀\" value=\"").append(escape(region)).append("\">")
                .append("<select name=\"year\">");
        years.forEach(y -> b.append("<option").append(y.equals(year) ? " selected" : "").append('>').append(y).append("</option>"));
        b.append("</select><button>汇总</button></form>");
        if (r == null) {
            return Html.page("区域汇总", b.append("<p class=\"muted\">选择区划代码前缀和年度。Choose a region code prefix and a year.</p>").toString());
        }
        String where = region.isEmpty() ? "全部地区" : "区划 " + region;
        b.append("<p id=\"summary\">").append(escape(where)).append(" · ").append(year).append("年度 · <b>").append(r.reports)
                .append("</b> 份报告");
        r.formats.forEach((f, n) -> b.append(" · ").append(escape(f)).append(" 格式 ").append(n));
        if (r.reportsWithUnreadCells > 0) {
            b.append(" · <span class=\"warning\">").append(r.reportsWithUnreadCells).append(" 份有未能读出的单元格（按0计）</span>");
        }
        b.append(" · <a href=\"/api/v1/rollups?region=").append(escape(region)).append("&amp;year=").append(year).append("\">JSON</a></p>");

        long[] received = r.row(Applications.NEW_RECEIVED);
        List<BarChart.Bar> applicants = new ArrayList<>();
        for (int i = 0; i < APPLICANTS.size(); i++) {
            applicants.add(new BarChart.Bar(APPLICANTS.get(i), received[i]));
        }
        List<BarChart.Bar> outcomes = List.of(
                new BarChart.Bar("予以公开", total(r, "granted")), new BarChart.Bar("部分公开", total(r, "partiallyGranted")),
                new BarChart.Bar("不予公开", group(r, "denied.")), new BarChart.Bar("无法提供", group(r, "unavailable.")),
                new BarChart.Bar("不予处理", group(r, "notProcessed.")), new BarChart.Bar("其他处理", total(r, "other")),
                new BarChart.Bar("结转下年度", total(r, Applications.CARRIED_FORWARD)));
        List<BarChart.Bar> review = new ArrayList<>();
        Map<String, String> groups = Map.of("review", "复议", "litigationDirect", "直接起诉", "litigationAfterReview", "复议后起诉");
        Map<String, String> results = Map.of("upheld", "维持", "corrected", "纠正", "other", "其他", "pending", "尚未审结");
        for (String g : List.of("review", "litigationDirect", "litigationAfterReview")) {
            for (String k : List.of("upheld", "corrected", "other", "pending")) {
                review.add(new BarChart.Bar(groups.get(g) + " · " + results.get(k), r.reviewLitigation.get(g).get(k)));
            }
        }
        b.append("<div class=\"charts\">")
                .append(BarChart.svg("chart-applicants", "本年新收申请：申请人情况", applicants))
                .append(BarChart.svg("chart-outcomes", "本年度办理结果", outcomes))
                .append(BarChart.svg("chart-review", "行政复议、行政诉讼结果", review)).append("</div>");

        b.append("<h2>").append(OfficialTables.APPLICATIONS_HEADING).append("（合计）</h2><table class=\"official\" id=\"rollup-applications\"><tr><th></th>");
        OfficialTables.APPLICANT_COLUMNS.forEach(a -> b.append("<th>").append(a).append("</th>"));
        b.append("</tr>");
        for (String key : r.rowKeys()) {
            b.append("<tr><td class=\"label\">").append(escape(OfficialTables.rowLabel(key))).append("</td>");
            for (long v : r.row(key)) {
                b.append("<td>").append(v).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>");
        completeness(b, c);
        return Html.page("区域汇总 " + where + " " + year, b.toString());
    }

    private static void completeness(StringBuilder b, Completeness c) {
        b.append("<h2>发布情况 Completeness</h2>");
        if (c.expected == 0) {
            b.append("<p class=\"muted\">No registry of the agencies that must report is loaded for this region (PUT /admin/v1/registry).</p>");
            return;
        }
        b.append("<p id=\"completeness\">应发布 ").append(c.expected).append(" 个机关");
        c.counts.forEach((s, n) -> b.append(" · ").append(STATUS.get(s)).append(' ').append(n));
        b.append("</p><table class=\"list\"><tr><th>机关</th><th>区划</th><th>期限</th><th>状态</th><th>发布日期</th></tr>");
        for (Completeness.Entry e : c.agencies) {
            if (e.status() == Completeness.Status.ON_TIME) {
                continue;
            }
            b.append("<tr><td>").append(e.reportId() == null ? escape(e.agency())
                            : "<a href=\"/reports/" + escape(e.reportId()) + "\">" + escape(e.agency()) + "</a>")
                    .append("</td><td>").append(escape(e.regionCode())).append("</td><td>").append(e.deadline()).append("</td><td class=\"")
                    .append(e.status() == Completeness.Status.MISSING || e.status() == Completeness.Status.LATE ? "err" : "muted").append("\">")
                    .append(STATUS.get(e.status())).append("</td><td>").append(escape(e.publishedOn())).append("</td></tr>");
        }
        b.append("</table>");
    }

    private static long total(Rollup r, String row) {
        return r.row(row)[Applications.TOTAL];
    }

    private static long group(Rollup r, String prefix) {
        return r.rowKeys().stream().filter(k -> k.startsWith(prefix)).mapToLong(k -> total(r, k)).sum();
    }
}
