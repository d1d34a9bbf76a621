package org.nianbao.publication.rest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.repository.ReportCellRepository;
import org.nianbao.publication.repository.ReportCellRepository.ExportRow;
import org.nianbao.publication.service.CellExport;
import org.nianbao.publication.service.CellWorkbook;

import java.util.ArrayList;
import java.util.List;

import static org.nianbao.publication.service.CellExport.csv;

/**
 * Exports of the table cells of any report query (same filters as the list), one row per cell, as CSV
 * (UTF-8 with BOM, so spreadsheet programs read the Chinese names) or XLSX.
 */
@Path("/api/v1/exports")
public class ExportResource {
    /** Reports per export; a larger query is refused with advice to narrow it. */
    static final int MAX_REPORTS = 10_000;
    private static final int CHUNK = 500;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ReportCellRepository cells;

    @GET
    @Path("/cells.csv")
    @Produces("text/csv; charset=utf-8")
    @WithSession
    public Uni<Response> cellsCsv(@BeanParam ReportFilter filter) {
        return rows(filter).map(rows -> {
            StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", CellExport.COLUMNS)).append("\r\n");
            for (ExportRow r : rows) {
                out.append(String.join(",", csv(r.reportId()), csv(r.agency()), csv(r.regionCode()), csv(r.year()), csv(r.format()),
                        csv(r.path()), csv(r.value()))).append("\r\n");
            }
            return attachment(out.toString(), "nianbao-cells.csv");
        });
    }

    /** The workbook is written on a worker thread, after the database session is closed. */
    @GET
    @Path("/cells.xlsx")
    @Produces(XLSX)
    public Uni<Response> cellsXlsx(@BeanParam ReportFilter filter) {
        return Panache.withSession(() -> rows(filter)).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> attachment(CellWorkbook.write(rows), "nianbao-cells.xlsx"));
    }

    /** The cells of every report the filter selects, in the list's order. */
    private Uni<List<ExportRow>> rows(ReportFilter filter) {
        String where = filter.where();
        return PublishedReport.count(where, filter.params).flatMap(total -> {
            if (total > MAX_REPORTS) {
                throw new WebApplicationException("The query selects " + total + " reports; an export holds at most " + MAX_REPORTS
                        + ". Narrow it with region, year, agency, format, hasErrors or rule.", 413);
            }
            return Panache.getSession().flatMap(s -> {
                var query = s.createSelectionQuery(PublishedReport.Identity.SELECT + where + " order by year desc, agency, id",
                        PublishedReport.Identity.class);
                filter.params.map().forEach(query::setParameter);
                return query.getResultList();
            });
        }).flatMap(this::cellsInChunks);
    }

    private Uni<List<ExportRow>> cellsInChunks(List<PublishedReport.Identity> reports) {
        Uni<List<ExportRow>> all = Uni.createFrom().item(new ArrayList<>());
        for (int from = 0; from < reports.size(); from += CHUNK) {
            List<PublishedReport.Identity> chunk = reports.subList(from, Math.min(reports.size(), from + CHUNK));
            all = all.flatMap(acc -> cells.export(chunk).map(rows -> {
                acc.addAll(rows);
                return acc;
            }));
        }
        return all;
    }

    private static Response attachment(Object body, String fileName) {
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
