package org.nianbao.publication.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.repository.ReportCellRepository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One agency's reports over the years, with every table cell, for comparing years side by side. */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {
    @Inject
    ReportCellRepository cells;

    /** One year of an agency's series. */
    public record Year(int year, String reportId, String format, LocalDate publishedOn, int errors, int warnings,
                       Map<String, BigDecimal> cells) {
    }

    /** The series: the agency as it last named itself, and its years in order. */
    public record Series(String agencyKey, String agency, String agencyCode, String regionCode, List<Year> years) {
    }

    /** {@code agencyKey} is the report's agency key ({@code code:<统一社会信用代码>} or {@code name:<digest>}). */
    @GET
    @Path("/{agencyKey}/series")
    @WithSession
    public Uni<Series> series(@PathParam("agencyKey") String agencyKey) {
        return series(cells, agencyKey);
    }

    public static Uni<Series> series(ReportCellRepository cells, String agencyKey) {
        return PublishedReport.<PublishedReport>find("agencyKey = ?1 and year is not null order by year", agencyKey).list()
                .flatMap(reports -> {
                    if (reports.isEmpty()) {
                        throw new NotFoundException("No published report of agency " + agencyKey + ".");
                    }
                    return cells.export(reports.stream().map(PublishedReport::identity).toList()).map(rows -> {
                        Map<String, Map<String, BigDecimal>> byReport = new LinkedHashMap<>();
                        rows.forEach(row -> byReport.computeIfAbsent(row.reportId(), k -> new LinkedHashMap<>()).put(row.path(), row.value()));
                        List<Year> years = new ArrayList<>();
                        reports.forEach(r -> years.add(new Year(r.year, r.id, r.format, r.publishedOn, r.errorCount, r.warningCount,
                                byReport.getOrDefault(r.id, Map.of()))));
                        PublishedReport last = reports.get(reports.size() - 1);
                        return new Series(agencyKey, last.agency, last.agencyCode, last.regionCode, years);
                    });
                });
    }
}
