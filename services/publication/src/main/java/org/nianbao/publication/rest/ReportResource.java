package org.nianbao.publication.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.model.Json;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Report;
import org.nianbao.publication.model.ReportRevision;
import org.nianbao.model.OfficialTables;
import org.nianbao.publication.service.TablesDocx;

import java.io.UncheckedIOException;
import java.util.List;

/** The public report API. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    /** Reports filtered by agency (substring), year, region code prefix, format and errors. */
    @GET
    @WithSession
    public Uni<ObjectNode> list(@jakarta.ws.rs.BeanParam ReportFilter filter,
                                @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset) {
        String where = filter.where();
        Parameters params = filter.params;
        int size = limit == null ? 50 : Math.max(1, Math.min(limit, 500));
        int from = offset == null ? 0 : Math.max(0, offset);
        String query = where + " order by year desc, agency, id";
        return PublishedReport.count(where, params).flatMap(total -> PublishedReport
                .<PublishedReport>find(query, params).range(from, from + size - 1).list()
                .map(items -> {
                    ObjectNode page = Json.mapper().createObjectNode();
                    page.put("total", total);
                    page.put("offset", from);
                    page.put("limit", size);
                    ArrayNode array = page.putArray("items");
                    items.forEach(r -> array.add(summary(r)));
                    return page;
                }));
    }

    /** One report: the canonical model plus its findings, identity and revision history. */
    @GET
    @Path("/{id}")
    @WithSession
    public Uni<ObjectNode> get(@PathParam("id") String id) {
        return found(id).flatMap(r -> ReportRevision.history(id)
                .map(revisions -> detail(r, revisions)));
    }

    /** The report's three official tables as a standalone HTML document. */
    @GET
    @Path("/{id}/tables.html")
    @Produces(MediaType.TEXT_HTML)
    @WithSession
    public Uni<String> tablesHtml(@PathParam("id") String id) {
        return found(id).map(org.nianbao.publication.web.ReportPage::tablesDocument);
    }

    /** The report's three official tables as a Word document. */
    @GET
    @Path("/{id}/tables.docx")
    @Produces("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    @WithSession
    public Uni<jakarta.ws.rs.core.Response> tablesDocx(@PathParam("id") String id) {
        return found(id).map(r -> jakarta.ws.rs.core.Response.ok(TablesDocx.write(r.displayTitle(),
                        OfficialTables.of(PipelineEvents.read(r.model, Report.class))))
                .header("Content-Disposition", "attachment; filename=\"" + r.id + "-tables.docx\"").build());
    }

    /** The published report with this id; 404 when there is none. */
    public static Uni<PublishedReport> found(String id) {
        return PublishedReport.<PublishedReport>findById(id).map(r -> {
            if (r == null) {
                throw new NotFoundException("No report " + id + " is published.");
            }
            return r;
        });
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

    private static ObjectNode detail(PublishedReport r, List<ReportRevision> revisions) {
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
        n.set("findings", tree(r.findings));
        ArrayNode history = n.putArray("revisions");
        for (ReportRevision rev : revisions) {
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
