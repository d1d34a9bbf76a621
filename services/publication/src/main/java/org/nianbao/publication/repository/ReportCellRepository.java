package org.nianbao.publication.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.service.CellExport;
import org.nianbao.publication.service.Rollup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report_cell table: every cell of the current version of each report, kept in step with the
 * report in the same transaction; roll-ups are summed and exports read here, not from the stored JSON.
 */
@ApplicationScoped
public class ReportCellRepository {

    /** One exported cell with its report's identity. */
    public record ExportRow(String reportId, String agency, String regionCode, Integer year, String format, String path, BigDecimal value) {
    }

    /** Prefix lengths whose roll-up sums are kept in rollup_cell. */
    private static final java.util.Set<Integer> KEPT_PREFIXES = java.util.Set.of(0, 2, 4, 6);

    /** Stores the cells and findings of a report's current version in place of the previous ones. */
    @WithSession
    public Uni<Void> store(PublishedReport report, Report model, List<Finding> findings) {
        return replace(report, model).call(() -> replaceFindings(report, findings));
    }

    /**
     * Replaces the stored cells of a report by those of its current version, and moves the roll-up sums by
     * the difference in one statement (its rows locked in key order, so concurrent publications never deadlock).
     */
    private Uni<Void> replace(PublishedReport report, Report model) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        CellExport.cells(model).forEach(c -> cells.put(c.path(), c.value()));
        String json = PipelineEvents.toJson(cells);
        String active = CellExport.activeTable(model);
        // the report's row lock orders this against any other replacement of the same report (e.g. the back-fill)
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select id from report where id = :id for update", String.class)
                .setParameter("id", report.id).getResultList()
                .flatMap(locked -> s.createNativeQuery("""
                        insert into rollup_cell (report_year, region_prefix, active_table, path, value)
                        select d.y, p.prefix, d.t, d.path, sum(d.v) from (
                            select c.report_year as y, c.region_code as rc, c.active_table as t, c.path, -coalesce(c.value, 0) as v
                            from report_cell c where c.report_id = :id
                            union all
                            select cast(:year as integer), cast(:region as varchar), :active, e.key, coalesce(cast(e.value as numeric), 0)
                            from json_each_text(cast(cast(:cells as text) as json)) e
                        ) d cross join lateral (values (''), (left(d.rc, 2)), (left(d.rc, 4)), (d.rc)) p (prefix)
                        where d.y is not null and p.prefix is not null
                        group by d.y, p.prefix, d.t, d.path order by d.y, p.prefix, d.t, d.path
                        on conflict (report_year, region_prefix, active_table, path) do update set value = rollup_cell.value + excluded.value""")
                .setParameter("id", report.id).setParameter("year", report.year).setParameter("region", report.regionCode)
                .setParameter("active", active).setParameter("cells", json).executeUpdate())
                .flatMap(moved -> s.createNativeQuery("delete from report_cell where report_id = :id").setParameter("id", report.id).executeUpdate())
                .flatMap(deleted -> cells.isEmpty() ? Uni.createFrom().item(0) : s.createNativeQuery("""
                        insert into report_cell (report_id, path, value, report_year, region_code, active_table, ordinal)
                        select :id, e.key, cast(e.value as numeric), cast(:year as integer), cast(:region as varchar), :active,
                               cast(e.ordinality as integer)
                        from json_each_text(cast(cast(:cells as text) as json)) with ordinality e""")
                        .setParameter("id", report.id).setParameter("year", report.year).setParameter("region", report.regionCode)
                        .setParameter("active", active).setParameter("cells", json).executeUpdate()))
                .replaceWithVoid();
    }

    /** Replaces the stored findings of a report by those of its current version. */
    private Uni<Void> replaceFindings(PublishedReport report, List<Finding> findings) {
        List<Map<String, String>> rows = new ArrayList<>();
        findings.forEach(f -> rows.add(Map.of("rule", f.rule(), "severity", f.severity().name().toLowerCase(java.util.Locale.ROOT),
                "paths", String.join(",", f.paths()), "zh", f.message().zh(), "en", f.message().en())));
        return Panache.getSession().flatMap(s -> s.createNativeQuery("delete from report_finding where report_id = :id")
                .setParameter("id", report.id).executeUpdate()
                .flatMap(deleted -> rows.isEmpty() ? Uni.createFrom().item(0) : s.createNativeQuery("""
                        insert into report_finding (report_id, rule, severity, paths, message_zh, message_en)
                        select :id, f ->> 'rule', f ->> 'severity', f ->> 'paths', f ->> 'zh', f ->> 'en'
                        from json_array_elements(cast(cast(:findings as text) as json)) f""")
                        .setParameter("id", report.id).setParameter("findings", PipelineEvents.toJson(rows)).executeUpdate()))
                .replaceWithVoid();
    }

    /** The roll-up of a region prefix ("" for everywhere) and a year, summed by the database. */
    @WithSession
    public Uni<Rollup> rollup(String regionPrefix, int year) {
        String region = regionPrefix.isEmpty() ? "" : " and region_code like :region";
        return Panache.getSession().flatMap(s -> {
            var counts = s.createNativeQuery("select format, cast(count(*) as integer), cast(count(*) filter (where problem_count > 0) as integer)"
                    + " from report where report_year = :year" + region + " group by format", Object[].class).setParameter("year", year);
            boolean kept = KEPT_PREFIXES.contains(regionPrefix.length());
            var sums = kept
                    ? s.createNativeQuery("select active_table, path, value from rollup_cell where report_year = :year and region_prefix = :prefix",
                            Object[].class).setParameter("year", year).setParameter("prefix", regionPrefix)
                    : s.createNativeQuery("select active_table, path, sum(value) from report_cell where report_year = :year"
                            + region + " group by active_table, path", Object[].class).setParameter("year", year);
            if (!regionPrefix.isEmpty()) {
                counts.setParameter("region", regionPrefix + "%");
                if (!kept) {
                    sums.setParameter("region", regionPrefix + "%");
                }
            }
            return counts.getResultList().flatMap(formatCounts -> sums.getResultList().map(cellSums -> {
                Rollup rollup = new Rollup(regionPrefix, year);
                formatCounts.forEach(row -> rollup.countReports((String) row[0], (Integer) row[1], (Integer) row[2]));
                cellSums.forEach(row -> rollup.addCell((String) row[0], (String) row[1], (BigDecimal) row[2]));
                return rollup;
            }));
        });
    }

    /** The cells of the given reports, in the order of the reports and of the official tables. */
    @WithSession
    public Uni<List<ExportRow>> export(List<PublishedReport.Identity> reports) {
        if (reports.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, PublishedReport.Identity> byId = new LinkedHashMap<>();
        reports.forEach(r -> byId.put(r.id(), r));
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select report_id, path, value from report_cell where report_id in (:ids) order by report_id, ordinal", Object[].class)
                .setParameter("ids", List.copyOf(byId.keySet())).getResultList())
                .map(rows -> {
                    Map<String, List<Object[]>> cells = new LinkedHashMap<>();
                    rows.forEach(row -> cells.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(row));
                    List<ExportRow> out = new ArrayList<>(rows.size());
                    byId.values().forEach(r -> cells.getOrDefault(r.id(), List.of()).forEach(c -> out.add(new ExportRow(
                            r.id(), r.agency(), r.regionCode(), r.year(), r.format(), (String) c[1], (BigDecimal) c[2]))));
                    return out;
                });
    }
}
