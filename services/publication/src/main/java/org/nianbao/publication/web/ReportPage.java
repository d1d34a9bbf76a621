package org.nianbao.publication.web;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.model.ReportRevision;
import org.nianbao.publication.service.FindingLife;
import org.nianbao.publication.service.ReportService;
import org.nianbao.model.OfficialTables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.nianbao.publication.web.Html.escape;

/**
 * One report as the public reads it: the three official tables, every cell that carries a finding
 * highlighted with the finding's explanation, the list of findings and the revision history.
 */
@Path("/reports")
public class ReportPage {

    @Inject
    ReportService reports;

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> page(@PathParam("id") String id) {
        return reports.withHistory(id).map(found -> render(found.report(), PipelineEvents.read(found.report().model, Report.class),
                found.findings(), found.revisions()));
    }

    /** Each flagged model path with the explanation of the findings on it. */
    static Map<String, String> flagged(List<Finding> findings) {
        Map<String, String> flagged = new HashMap<>();
        findings.forEach(f -> f.paths().forEach(p -> flagged.merge(p, f.rule() + " " + f.message().zh(), (a, b) -> a + "\n" + b)));
        return flagged;
    }

    /** The page: the current version's findings with their state across the versions, then the resolved ones. */
    static String render(PublishedReport r, Report model, List<FindingLife.Tracked> tracked, List<ReportRevision> revisions) {
        List<FindingLife.Tracked> resolved = tracked.stream().filter(t -> t.state() == FindingLife.State.RESOLVED).toList();
        List<FindingLife.Tracked> current = tracked.stream().filter(t -> t.state() != FindingLife.State.RESOLVED).toList();
        List<Finding> findings = current.stream().map(FindingLife.Tracked::finding).toList();
        String title = r.displayTitle();
        StringBuilder b = new StringBuilder("<p><a href=\"/\">← 全部报告</a></p><h1>").append(escape(title)).append("</h1><p>")
                .append("<a href=\"/agencies/").append(escape(Html.param(r.agencyKey))).append("\">").append(escape(r.agency)).append("</a>")
                .append(" · ").append(r.year).append("年度 · 格式 ").append(escape(r.format))
                .append(r.publishedOn == null ? "" : " · 发布 " + r.publishedOn)
                .append(r.sourceUrl == null ? "" : " · " + Html.externalLink(r.sourceUrl, "原文"))
                .append(" · <a href=\"/api/v1/reports/").append(escape(r.id)).append("\">JSON</a>")
                .append(" · <a href=\"/api/v1/reports/").append(escape(r.id)).append("/tables.html\">表格 HTML</a>")
                .append(" · <a href=\"/api/v1/reports/").append(escape(r.id)).append("/tables.docx\">表格 Word</a></p>");
        b.append("<h2 id=\"findings\">发现的问题（").append(findings.size()).append("）</h2><ul class=\"findings\">");
        current.forEach(t -> b.append("<li class=\"").append(escape(t.finding().severity().name().toLowerCase(java.util.Locale.ROOT)))
                .append("\"><b>").append(escape(t.finding().rule())).append("</b> ").append(escape(t.finding().message().zh()))
                .append(" <small>").append(escape(t.finding().message().en())).append("</small> <span class=\"state\">")
                .append(t.state() == FindingLife.State.NEW ? "新发现 new" : "未改正 open · 自" + version(t.since())).append("</span></li>"));
        b.append("</ul>");
        if (!resolved.isEmpty()) {
            b.append("<h2 id=\"resolved\">已改正的问题（").append(resolved.size()).append("）</h2><ul class=\"resolved\">");
            resolved.forEach(t -> b.append("<li><b>").append(escape(t.finding().rule())).append("</b> ").append(escape(t.finding().message().zh()))
                    .append(" <span class=\"state\">已改正 resolved · 自").append(version(t.since())).append("起不再出现</span></li>"));
            b.append("</ul>");
        }
        if (!model.extraction.problems.isEmpty()) {
            b.append("<h2>未能读出的内容（").append(model.extraction.problems.size()).append("）</h2><ul>");
            model.extraction.problems.forEach(p -> b.append("<li><code>").append(escape(p.path())).append("</code> ")
                    .append(escape(p.message())).append("</li>"));
            b.append("</ul>");
        }
        b.append(Html.tables(OfficialTables.of(model), flagged(findings)));
        b.append("<h2>版本 Revisions</h2><table class=\"list\"><tr><th>版本</th><th>校验轮次</th><th>错误</th><th>提示</th><th>时间</th></tr>");
        revisions.forEach(v -> b.append("<tr><td>").append(v.revision).append("</td><td>").append(v.key.validationRound)
                .append("</td><td>").append(v.errorCount).append("</td><td>").append(v.warningCount).append("</td><td>")
                .append(v.storedAt).append("</td></tr>"));
        return Html.page(title, b.append("</table>").toString());
    }

    private static String version(FindingLife.Version v) {
        return "第" + v.revision() + "版第" + v.validationRound() + "轮";
    }
}
