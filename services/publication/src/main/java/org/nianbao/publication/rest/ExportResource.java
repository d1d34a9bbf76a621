package org.nianbao.publication.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.nianbao.publication.service.ExportService;

/**
 * Exports of the table cells of any report query (same filters as the list), one row per cell, as CSV
 * (UTF-8 with BOM, so spreadsheet programs read the Chinese names) or XLSX. The files are written on a worker
 * thread, after the database transaction ended.
 */
@Path("/api/v1/exports")
public class ExportResource {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ExportService exports;

    @GET
    @Path("/cells.csv")
    @Produces("text/csv; charset=utf-8")
    public Uni<Response> cellsCsv(@BeanParam ReportFilter filter) {
        return exports.cellsCsv(filter.query()).map(csv -> attachment(csv, "nianbao-cells.csv"));
    }

    @GET
    @Path("/cells.xlsx")
    @Produces(XLSX)
    public Uni<Response> cellsXlsx(@BeanParam ReportFilter filter) {
        return exports.cellsXlsx(filter.query()).map(xlsx -> attachment(xlsx, "nianbao-cells.xlsx"));
    }

    private static Response attachment(Object body, String fileName) {
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
