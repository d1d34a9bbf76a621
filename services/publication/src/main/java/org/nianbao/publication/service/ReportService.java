package org.nianbao.publication.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Finding;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.model.ReportRevision;
import org.nianbao.publication.repository.PublishedReportRepository;
import org.nianbao.publication.repository.ReportCellRepository;
import org.nianbao.publication.repository.ReportCellRepository.ExportRow;
import org.nianbao.publication.repository.ReportQuery;
import org.nianbao.publication.repository.ReportRevisionRepository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the public API and the pages read: report lists, one report with its history, an agency's series, roll-ups
 * and the cells of exports. Each read runs in one transaction (one connection, one consistent view).
 */
@ApplicationScoped
public class ReportService {
    /** Reports per export; a larger query is refused with advice to narrow it. */
    public static final int MAX_EXPORTED_REPORTS = 10_000;
    private static final int CHUNK = 500;

    @Inject
    PublishedReportRepository reports;
    @Inject
    ReportRevisionRepository revisions;
    @Inject
    ReportCellRepository cells;

    /** One page of a report list, and how many reports the query selects. */
    public record Page(long total, List<PublishedReport> items) {
    }

    /** A report with every version of it, oldest first. */
    public record WithHistory(PublishedReport report, List<ReportRevision> revisions) {
        /**
         * The current version's findings with their life across the versions up to it (in revision and round
         * order), then the findings earlier versions had and it no longer has ({@link FindingLife}).
         */
        public List<FindingLife.Tracked> findings() {
            List<FindingLife.Version> versions = new ArrayList<>(revisions.stream()
                    .filter(v -> v.revision < report.revision || v.revision == report.revision && v.key.validationRound < report.validationRound)
                    .sorted(Comparator.<ReportRevision>comparingInt(v -> v.revision).thenComparingInt(v -> v.key.validationRound))
                    .map(v -> version(v.key.submissionId, v.revision, v.key.validationRound, v.findings))
                    .toList());
            versions.add(version(report.submissionId, report.revision, report.validationRound, report.findings));
            return FindingLife.of(versions);
        }

        private static FindingLife.Version version(String submissionId, int revision, int round, String findings) {
            return new FindingLife.Version(submissionId, revision, round, List.of(PipelineEvents.read(findings, Finding[].class)));
        }
    }

    @WithTransaction
    public Uni<Page> list(ReportQuery query, int from, int size) {
        return reports.count(query).flatMap(total -> reports.page(query, from, size).map(items -> new Page(total, items)));
    }

    /** The published report with this id; 404 when there is none. */
    @WithTransaction
    public Uni<PublishedReport> report(String id) {
        return found(id);
    }

    @WithTransaction
    public Uni<WithHistory> withHistory(String id) {
        return found(id).flatMap(r -> revisions.history(id).map(h -> new WithHistory(r, h)));
    }

    /** An agency's reports year by year with their cells; 404 when it has none. */
    @WithTransaction
    public Uni<Series> series(String agencyKey) {
        return reports.ofAgency(agencyKey).flatMap(list -> {
            if (list.isEmpty()) {
                throw new NotFoundException("No published report of agency " + agencyKey + ".");
            }
            return cells.export(list.stream().map(PublishedReport::identity).toList()).map(rows -> {
                Map<String, Map<String, BigDecimal>> byReport = new LinkedHashMap<>();
                rows.forEach(row -> byReport.computeIfAbsent(row.reportId(), k -> new LinkedHashMap<>()).put(row.path(), row.value()));
                List<Series.Year> years = new ArrayList<>();
                list.forEach(r -> years.add(new Series.Year(r.year, r.id, r.format, r.publishedOn, r.errorCount, r.warningCount,
                        byReport.getOrDefault(r.id, Map.of()))));
                PublishedReport last = list.get(list.size() - 1);
                return new Series(agencyKey, last.agency, last.agencyCode, last.regionCode, years);
            });
        });
    }

    /** The years of the published reports, newest first. */
    @WithTransaction
    public Uni<List<Integer>> years() {
        return reports.years();
    }

    /** The roll-up of a region prefix ("" for everywhere) and a year. */
    @WithTransaction
    public Uni<Rollup> rollup(String regionPrefix, int year) {
        return cells.rollup(regionPrefix, year);
    }

    /** The cells of every report the query selects, in the list's order; 413 over {@link #MAX_EXPORTED_REPORTS}. */
    @WithTransaction
    public Uni<List<ExportRow>> exportRows(ReportQuery query) {
        return reports.count(query).flatMap(total -> {
            if (total > MAX_EXPORTED_REPORTS) {
                throw new WebApplicationException("The query selects " + total + " reports; an export holds at most " + MAX_EXPORTED_REPORTS
                        + ". Narrow it with region, year, agency, format, hasErrors or rule.", 413);
            }
            return reports.identities(query);
        }).flatMap(this::cellsInChunks);
    }

    private Uni<List<ExportRow>> cellsInChunks(List<PublishedReport.Identity> identities) {
        Uni<List<ExportRow>> all = Uni.createFrom().item(new ArrayList<>());
        for (int from = 0; from < identities.size(); from += CHUNK) {
            List<PublishedReport.Identity> chunk = identities.subList(from, Math.min(identities.size(), from + CHUNK));
            all = all.flatMap(acc -> cells.export(chunk).map(rows -> {
                acc.addAll(rows);
                return acc;
            }));
        }
        return all;
    }

    private Uni<PublishedReport> found(String id) {
        return reports.find(id).map(r -> {
            if (r == null) {
                throw new NotFoundException("No report " + id + " is published.");
            }
            return r;
        });
    }
}
