package org.nianbao.publication.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.model.ActiveDisclosure;
import org.nianbao.model.Applications;
import org.nianbao.model.ReportFormat;
import org.nianbao.model.ReviewLitigation;
import org.nianbao.publication.model.PublishedReport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.nianbao.publication.rest.IndexPage.escape;

/**
 * One report as the public reads it: the three official tables, every cell that carries a finding
 * highlighted with the finding's explanation, and the list of findings.
 */
@Path("/reports")
public class ReportPage {
    private static final Map<String, String> ROW_ZH = new HashMap<>();
    private static final Map<String, String> ACTIVE_ZH = Map.of("rules", "规章", "normativeDocuments", "规范性文件",
            "licensing", "行政许可", "otherServices", "其他对外管理服务事项", "penalty", "行政处罚", "coercion", "行政强制",
            "fees", "行政事业性收费", "procurement", "政府集中采购");

    static {
        String[] labels = {"一、本年新收", "二、上年结转", "（一）予以公开", "（二）部分公开", "（三）1.属于国家秘密",
                "（三）2.其他法律行政法规禁止公开", "（三）3.危及“三安全一稳定”", "（三）4.保护第三方合法权益", "（三）5.属于三类内部事务信息",
                "（三）6.属于四类过程性信息", "（三）7.属于行政执法案卷", "（三）8.属于行政查询事项", "（四）1.本机关不掌握相关政府信息",
                "（四）2.没有现成信息需要另行制作", "（四）3.补正后申请内容仍不明确", "（五）1.信访举报投诉类申请", "（五）2.重复申请",
                "（五）3.要求提供公开出版物", "（五）4.无正当理由大量反复申请", "（五）5.要求行政机关确认或重新出具已获取信息"};
        List<String> keys = Applications.OUTCOMES_COMMON;
        ROW_ZH.put(Applications.NEW_RECEIVED, labels[0]);
        ROW_ZH.put(Applications.CARRIED_OVER, labels[1]);
        for (int i = 0; i < keys.size(); i++) {
            ROW_ZH.put(keys.get(i), labels[i + 2]);
        }
        ROW_ZH.put("other", "（六）其他处理");
        ROW_ZH.put("other.overdueCorrection", "（六）1.逾期不补正");
        ROW_ZH.put("other.unpaidFee", "（六）2.逾期未缴纳费用");
        ROW_ZH.put("other.other", "（六）3.其他");
        ROW_ZH.put(Applications.TOTAL_PROCESSED, "（七）总计");
        ROW_ZH.put(Applications.CARRIED_FORWARD, "四、结转下年度继续办理");
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @WithSession
    public Uni<String> page(@PathParam("id") String id) {
        return PublishedReport.<PublishedReport>findById(id).map(r -> {
            if (r == null) {
                throw new NotFoundException("No report " + id);
            }
            return render(r, ReportResource.tree(r.model), ReportResource.tree(r.findings));
        });
    }

    static String render(PublishedReport r, JsonNode model, JsonNode findings) {
        Map<String, String> flagged = new HashMap<>();
        findings.forEach(f -> f.path("paths").forEach(p -> flagged.merge(p.asText(),
                f.path("rule").asText() + " " + f.at("/message/zh").asText(), (a, b) -> a + "\n" + b)));
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(r.title)).append("</title><style>body{font-family:system-ui,\"Noto Sans CJK SC\",sans-serif;"
                        + "margin:2rem auto;max-width:72rem;padding:0 1rem}table{border-collapse:collapse;margin:1rem 0}"
                        + "th,td{border:1px solid #999;padding:.25rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}"
                        + ".flag{background:#ffd6d6;outline:2px solid #b00020}.error{color:#b00020}.warning{color:#8a5a00}.info{color:#555}"
                        + "</style></head><body><p><a href=\"/\">← 全部报告</a></p><h1>").append(escape(r.title)).append("</h1><p>")
                .append(escape(r.agency)).append(" · ").append(r.year).append("年度 · 格式 ").append(escape(r.format))
                .append(" · <a href=\"/api/v1/reports/").append(escape(r.id)).append("\">JSON</a></p>");
        b.append("<h2>发现的问题（").append(findings.size()).append("）</h2><ul>");
        findings.forEach(f -> b.append("<li class=\"").append(escape(f.path("severity").asText())).append("\"><b>")
                .append(escape(f.path("rule").asText())).append("</b> ").append(escape(f.at("/message/zh").asText()))
                .append(" <small>").append(escape(f.at("/message/en").asText())).append("</small></li>"));
        b.append("</ul>");
        activeTable(b, model.path("active"), ReportFormat.of(model.path("format").asText()), flagged);
        applicationsTable(b, model.path("applications"), flagged);
        reviewTable(b, model.path("reviewLitigation"), flagged);
        return b.append("</body></html>").toString();
    }

    private static void activeTable(StringBuilder b, JsonNode active, ReportFormat format, Map<String, String> flagged) {
        if (active.isMissingNode() || active.isNull()) {
            return;
        }
        b.append("<h2>二、主动公开政府信息情况</h2><table>");
        ActiveDisclosure.layout(format).forEach((row, cells) -> {
            b.append("<tr><td>").append(ACTIVE_ZH.getOrDefault(row, row)).append("</td>");
            cells.forEach(cell -> cell(b, active.path(row).path(cell), "active." + row + "." + cell, flagged));
            b.append("</tr>");
        });
        b.append("</table>");
    }

    private static void applicationsTable(StringBuilder b, JsonNode applications, Map<String, String> flagged) {
        if (applications.isMissingNode() || applications.isNull()) {
            return;
        }
        b.append("<h2>三、收到和处理政府信息公开申请情况</h2><table><tr><th></th><th>自然人</th><th>商业企业</th><th>科研机构</th>"
                + "<th>社会公益组织</th><th>法律服务机构</th><th>其他</th><th>总计</th></tr>");
        applications.path("rows").fields().forEachRemaining(row -> {
            b.append("<tr><td>").append(escape(ROW_ZH.getOrDefault(row.getKey(), row.getKey()))).append("</td>");
            for (int c = 0; c < 7; c++) {
                cell(b, row.getValue().path(c), "applications.rows." + row.getKey() + "[" + c + "]", flagged);
            }
            b.append("</tr>");
        });
        b.append("</table>");
    }

    private static void reviewTable(StringBuilder b, JsonNode rl, Map<String, String> flagged) {
        if (rl.isMissingNode() || rl.isNull()) {
            return;
        }
        b.append("<h2>四、政府信息公开行政复议、行政诉讼情况</h2><table><tr><th></th><th>结果维持</th><th>结果纠正</th>"
                + "<th>其他结果</th><th>尚未审结</th><th>总计</th></tr>");
        Map<String, String> zh = Map.of("review", "行政复议", "litigationDirect", "行政诉讼（未经复议直接起诉）",
                "litigationAfterReview", "行政诉讼（复议后起诉）");
        for (String group : ReviewLitigation.GROUPS) {
            b.append("<tr><td>").append(zh.get(group)).append("</td>");
            for (String cell : ReviewLitigation.Group.CELLS) {
                cell(b, rl.path(group).path(cell), "reviewLitigation." + group + "." + cell, flagged);
            }
            b.append("</tr>");
        }
        b.append("</table>");
    }

    private static void cell(StringBuilder b, JsonNode value, String path, Map<String, String> flagged) {
        String text = value.isMissingNode() || value.isNull() ? "" : value.asText();
        String finding = flagged.get(path);
        if (finding == null) {
            b.append("<td>").append(escape(text)).append("</td>");
        } else {
            b.append("<td class=\"flag\" title=\"").append(escape(finding)).append("\" data-path=\"").append(escape(path))
                    .append("\">").append(escape(text)).append("</td>");
        }
    }
}
