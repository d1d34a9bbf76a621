package org.nianbao.publication.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Report;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.service.CellExport;

import static org.nianbao.publication.service.CellExport.csv;

/** Exports of the table cells of any report query (same filters as the list), one row per cell. */
@Path("/api/v1/exports")
public class ExportResource {

    @GET
    @Path("/cells.csv")
    @Produces("text/csv; charset=utf-8")
    @WithSession
    public Uni<Response> cellsCsv(@BeanParam ReportFilter filter) {
        String where = filter.where();
        return PublishedReport.<PublishedReport>find(where + " order by year desc, agency", filter.params).list().map(reports -> {
            StringBuilder out = new StringBuilder("\uFEFF").append(CellExport.CSV_HEADER).append("\r\n");
            for (PublishedReport r : reports) {
                String prefix = String.join(",", csv(r.id), csv(r.agency), csv(r.regionCode), csv(r.year), csv(r.format));
                for (CellExport.Cell cell : CellExport.cells(PipelineEvents.read(r.model, Report.class))) {
                    out.append(prefix).append(',').append(csv(cell.path())).append(',').append(csv(cell.value())).append("\r\n");
                }
            }
            return Response.ok(out.toString()).header("Content-Disposition", "attachment; filename=\"nianbao-cells.csv\"").build();
        });
    }
}
