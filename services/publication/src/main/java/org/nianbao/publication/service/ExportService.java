package org.nianbao.publication.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.OfficialTables;
import org.nianbao.model.Report;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.repository.ReportCellRepository.ExportRow;
import org.nianbao.publication.repository.ReportQuery;
import org.nianbao.publication.web.Html;

import java.util.List;
import java.util.Map;

import static org.nianbao.publication.service.CellExport.csv;

/**
 * The downloads: cells of any report query as CSV or XLSX, a report's official tables as HTML or Word. The data is
 * read first (its transaction ends on the event loop); the files, which can take seconds of CPU (Apache POI, a CSV of
 * millions of cells), are then written on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class ExportService {
    @Inject
    ReportService reports;

    /** UTF-8 with BOM, so spreadsheet programs read the Chinese names; one row per cell. */
    public Uni<String> cellsCsv(ReportQuery query) {
        return reports.exportRows(query).emitOn(Infrastructure.getDefaultWorkerPool()).map(ExportService::csvOf);
    }

    public Uni<byte[]> cellsXlsx(ReportQuery query) {
        return reports.exportRows(query).emitOn(Infrastructure.getDefaultWorkerPool()).map(CellWorkbook::write);
    }

    /** The report's three official tables as a Word document. */
    public Uni<Document> tablesDocx(String id) {
        return reports.report(id).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(r -> new Document(r.id, TablesDocx.write(r.displayTitle(), OfficialTables.of(PipelineEvents.read(r.model, Report.class)))));
    }

    /** The report's three official tables alone, as an HTML document to save or print. */
    public Uni<String> tablesHtml(String id) {
        return reports.report(id).map(ExportService::tablesDocument);
    }

    /** A written file of a report. */
    public record Document(String reportId, byte[] content) {
    }

    static String tablesDocument(PublishedReport r) {
        String title = r.displayTitle();
        return Html.page(title, "<h1>" + Html.escape(title) + "</h1>"
                + Html.tables(OfficialTables.of(PipelineEvents.read(r.model, Report.class)), Map.of()));
    }

    static String csvOf(List<ExportRow> rows) {
        StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", CellExport.COLUMNS)).append("\r\n");
        for (ExportRow r : rows) {
            out.append(String.join(",", csv(r.reportId()), csv(r.agency()), csv(r.regionCode()), csv(r.year()), csv(r.format()),
                    csv(r.path()), csv(r.value()))).append("\r\n");
        }
        return out.toString();
    }
}
