package org.nianbao.publication.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.nianbao.model.Json;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.model.ReportRevision;
import org.nianbao.publication.service.ExportService;
import org.nianbao.publication.service.FindingLife;
import org.nianbao.publication.service.ReportService;

import java.io.UncheckedIOException;

/** The public report API. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    @Inject
    ReportService reports;
    @Inject
    ExportService exports;

    /** Reports filtered by agency (substring), year, region code prefix, format and errors. */
    @GET
    public Uni<ObjectNode> list(@BeanParam ReportFilter filter, @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset) {
        int size = limit == null ? 50 : Math.max(1, Math.min(limit, 500));
        int from = offset == null ? 0 : Math.max(0, offset);
        return reports.list(filter.query(), from, size).map(result -> {
            ObjectNode page = Json.mapper().createObjectNode();
            page.put("total", result.total());
            page.put("offset", from);
            page.put("limit", size);
            ArrayNode array = page.putArray("items");
            result.items().forEach(r -> array.add(summary(r)));
            return page;
        });
    }

    /** One report: the canonical model plus its findings, identity and revision history. */
    @GET
    @Path("/{id}")
    public Uni<ObjectNode> get(@PathParam("id") String id) {
        return reports.withHistory(id).map(ReportResource::detail);
    }

    /** The report's three official tables as a standalone HTML document. */
    @GET
    @Path("/{id}/tables.html")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> tablesHtml(@PathParam("id") String id) {
        return exports.tablesHtml(id);
    }

    /** The report's three official tables as a Word document (written on a worker thread). */
    @GET
    @Path("/{id}/tables.docx")
    @Produces("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    public Uni<Response> tablesDocx(@PathParam("id") String id) {
        return exports.tablesDocx(id).map(d -> Response.ok(d.content())
                .header("Content-Disposition", "attachment; filename=\"" + d.reportId() + "-tables.docx\"").build());
    }

    static ObjectNode summary(PublishedReport r) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("id", r.id);
        n.put("agencyKey", r.agencyKey);
        n.put("agency", r.agency);
        n.put("agencyCode", r.agencyCode);
        n.put("regionCode", r.regionCode);
        n.put("year", r.year);
        n.put("format", r.format);
        n.put("title", r.title);
        n.put("publishedOn", r.publishedOn == null ? null : r.publishedOn.toString());
        n.put("errors", r.errorCount);
        n.put("warnings", r.warningCount);
        n.put("extractionProblems", r.problemCount);
        n.put("revision", r.revision);
        n.put("url", "/api/v1/reports/" + r.id);
        return n;
    }

    private static ObjectNode detail(ReportService.WithHistory found) {
        PublishedReport r = found.report();
        ObjectNode n = (ObjectNode) tree(r.model);
        n.put("id", r.id);
        n.put("agencyKey", r.agencyKey);
        n.put("submissionId", r.submissionId);
        ObjectNode meta = n.putObject("metadata");
        meta.put("agency", r.agency);
        meta.put("agencyCode", r.agencyCode);
        meta.put("regionCode", r.regionCode);
        meta.put("issuerType", r.issuerType);
        meta.put("year", r.year);
        meta.put("publishedOn", r.publishedOn == null ? null : r.publishedOn.toString());
        meta.put("sourceUrl", r.sourceUrl);
        n.put("revision", r.revision);
        n.put("validationRound", r.validationRound);
        n.put("errors", r.errorCount);
        n.put("warnings", r.warningCount);
        // each finding with its life across the report's versions: new, open, or (apart) resolved
        ArrayNode findings = n.putArray("findings");
        ArrayNode resolved = n.putArray("resolvedFindings");
        for (FindingLife.Tracked t : found.findings()) {
            ObjectNode f = Json.mapper().valueToTree(t.finding());
            f.put("state", t.state().name().toLowerCase(java.util.Locale.ROOT));
            ObjectNode since = f.putObject("since");
            since.put("submissionId", t.since().submissionId());
            since.put("revision", t.since().revision());
            since.put("validationRound", t.since().validationRound());
            (t.state() == FindingLife.State.RESOLVED ? resolved : findings).add(f);
        }
        ArrayNode history = n.putArray("revisions");
        for (ReportRevision rev : found.revisions()) {
            ObjectNode h = history.addObject();
            h.put("submissionId", rev.key.submissionId);
            h.put("revision", rev.revision);
            h.put("validationRound", rev.key.validationRound);
            h.put("errors", rev.errorCount);
            h.put("warnings", rev.warningCount);
            h.put("storedAt", rev.storedAt.toString());
        }
        return n;
    }

    static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
