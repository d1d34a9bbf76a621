package org.nianbao.publication.web;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.publication.service.ReportService;
import org.nianbao.publication.service.Series;
import org.nianbao.model.OfficialTables;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import static org.nianbao.publication.web.Html.escape;

/**
 * An agency's page: its reports year by year, and every table cell with the years side by side; a value
 * that changed from the year before is marked.
 */
@Path("/agencies")
public class AgencyPage {
    @Inject
    ReportService reports;

    @GET
    @Path("/{agencyKey}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> page(@PathParam("agencyKey") String agencyKey) {
        return reports.series(agencyKey).map(AgencyPage::render);
    }

    static String render(Series s) {
        StringBuilder b = new StringBuilder("<p><a href=\"/\">← 全部报告</a></p><h1>").append(escape(s.agency())).append("</h1><p class=\"muted\">")
                .append(s.agencyCode() == null ? "" : "统一社会信用代码 " + escape(s.agencyCode()) + " · ")
                .append(s.regionCode() == null ? "" : "区划 " + escape(s.regionCode()) + " · ").append(s.years().size()).append(" 个年度</p>");
        b.append("<table class=\"official\" id=\"series\"><tr><th>项目</th>");
        s.years().forEach(y -> b.append("<th><a href=\"/reports/").append(escape(y.reportId())).append("\">").append(y.year())
                .append("</a><br><small>").append(escape(y.format())).append(y.errors() > 0 ? " · <span class=\"err\">" + y.errors() + " 错误</span>" : "")
                .append("</small></th>"));
        b.append("</tr>");
        Set<String> paths = new LinkedHashSet<>();
        s.years().forEach(y -> paths.addAll(y.cells().keySet()));
        for (String path : paths) {
            b.append("<tr><td class=\"label\">").append(escape(OfficialTables.label(path))).append("</td>");
            BigDecimal previous = null;
            boolean first = true;
            for (Series.Year y : s.years()) {
                boolean has = y.cells().containsKey(path);
                BigDecimal v = y.cells().get(path);
                boolean changed = !first && has && previous != null && v != null && previous.compareTo(v) != 0;
                b.append(changed ? "<td class=\"changed\">" : "<td>").append(has ? escape(v == null ? "" : v.toPlainString()) : "—").append("</td>");
                previous = v;
                first = false;
            }
            b.append("</tr>");
        }
        return Html.page(Objects.requireNonNullElse(s.agency(), s.agencyKey()), b.append("</table>").toString());
    }
}
