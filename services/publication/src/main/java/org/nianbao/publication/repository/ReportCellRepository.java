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
import org.nianbao.publication.service.RollupDelta;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cells of each report's current version (stored in its row, {@code report.cells}) and what is kept from them:
 * the roll-up sums of the usual region prefixes (rollup_cell) and the findings as rows (report_finding), kept in step
 * with the report in the same transaction. Roll-ups and exports read here, not the stored model.
 */
@ApplicationScoped
public class ReportCellRepository {

    /** One exported cell with its report's identity. */
    public record ExportRow(String reportId, String agency, String regionCode, Integer year, String format, String path, BigDecimal value) {
    }

    /**
     * A report's new current version: its row (with the version's cells, {@link CellExport#fill}), model and
     * findings, and what its row held before the batch, which is what the roll-ups hold of it (null for a report new
     * to the database, or one whose cells were never filled in).
     */
    public record Version(PublishedReport report, Report model, List<Finding> findings, Previous previous) {
    }

    /** A stored report's year, region, part 二 columns and cells, as the roll-ups counted them. */
    public record Previous(Integer year, String regionCode, String activeTable, String cells) {
        /** What the row holds now; null when its cells were never filled in (the roll-ups do not hold it). */
        public static Previous of(PublishedReport r) {
            return r.cells == null ? null : new Previous(r.year, r.regionCode, r.activeTable, r.cells);
        }
    }

    /**
     * Stores the cells and findings of reports' current versions in place of the previous ones, and moves the
     * roll-up sums by the difference, a statement each for all the reports. The caller holds the reports' row locks
     * (taken in id order), which orders this against any other replacement of the same reports (e.g. the back-fill);
     * the roll-up rows are locked in key order, so concurrent publications never deadlock. A sum the versions do not
     * move is left alone (most cells are blank or 0, and a new round mostly keeps its cells), unless it is not there yet.
     * The moves are summed per roll-up row here ({@link RollupDelta}) and travel as one JSON array, read once by
     * json_to_recordset.
     */
    @WithSession
    public Uni<Void> store(List<Version> versions) {
        if (versions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = versions.stream().map(v -> v.report().id).toList();
        String moves = PipelineEvents.toJson(delta(versions).moves());
        String findings = PipelineEvents.toJson(versions.stream().flatMap(ReportCellRepository::findings).toList());
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into rollup_cell (report_year, region_prefix, active_table, path, value)
                        select m.year, m.prefix, m."activeTable", m.path, m.value
                        from json_to_recordset(cast(cast(:moves as text) as json)) m (year integer, prefix text, "activeTable" text, path text, value numeric)
                        where m.value <> 0 or not exists (select 1 from rollup_cell k
                            where k.report_year = m.year and k.region_prefix = m.prefix and k.active_table = m."activeTable" and k.path = m.path)
                        order by m.year, m.prefix, m."activeTable", m.path
                        on conflict (report_year, region_prefix, active_table, path) do update set value = rollup_cell.value + excluded.value""")
                        .setParameter("moves", moves).executeUpdate()
                .flatMap(moved -> s.createNativeQuery("delete from report_finding where report_id in (:ids)").setParameter("ids", ids).executeUpdate())
                .flatMap(deleted -> s.createNativeQuery("""
                        insert into report_finding (report_id, rule, severity, paths, message_zh, message_en)
                        select f.id, f.rule, f.severity, f.paths, f.zh, f.en
                        from json_to_recordset(cast(cast(:findings as text) as json)) f (id text, rule text, severity text, paths text, zh text, en text)""")
                        .setParameter("findings", findings).executeUpdate()))
                .replaceWithVoid();
    }

    /** What the versions move in the roll-ups: each one's previous cells out (where they were counted), its cells in. */
    private static RollupDelta delta(List<Version> versions) {
        RollupDelta delta = new RollupDelta();
        for (Version version : versions) {
            Previous previous = version.previous();
            if (previous != null) {
                delta.remove(previous.year(), previous.regionCode(), previous.activeTable(), CellExport.read(previous.cells()));
            }
            PublishedReport r = version.report();
            delta.add(r.year, r.regionCode, r.activeTable, CellExport.cells(version.model()));
        }
        return delta;
    }

    /** A version's findings as report_finding rows. */
    private static Stream<Map<String, String>> findings(Version version) {
        return version.findings().stream().map(f -> Map.of("id", version.report().id, "rule", f.rule(),
                "severity", f.severity().name().toLowerCase(Locale.ROOT), "paths", String.join(",", f.paths()),
                "zh", f.message().zh(), "en", f.message().en()));
    }

    /** The roll-up of a region prefix ("" for everywhere) and a year, summed by the database. */
    @WithSession
    public Uni<Rollup> rollup(String regionPrefix, int year) {
        String region = regionPrefix.isEmpty() ? "" : " and region_code like :region";
        return Panache.getSession().flatMap(s -> {
            var counts = s.createNativeQuery("select format, cast(count(*) as integer), cast(count(*) filter (where problem_count > 0) as integer)"
                    + " from report where report_year = :year" + region + " group by format", Object[].class).setParameter("year", year);
            boolean kept = RollupDelta.KEPT_PREFIXES.contains(regionPrefix.length());
            var sums = kept
                    ? s.createNativeQuery("select active_table, path, value from rollup_cell where report_year = :year and region_prefix = :prefix",
                            Object[].class).setParameter("year", year).setParameter("prefix", regionPrefix)
                    : s.createNativeQuery("select r.active_table, e.key, sum(cast(e.value as numeric)) from report r"
                            + " cross join lateral json_each_text(cast(r.cells as json)) e where r.report_year = :year"
                            + region + " group by r.active_table, e.key", Object[].class)
                    .setParameter("year", year);
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
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select id, cells from report where id in (:ids)", Object[].class)
                        .setParameter("ids", reports.stream().map(PublishedReport.Identity::id).toList()).getResultList())
                .map(rows -> {
                    Map<String, String> cells = new HashMap<>();
                    rows.forEach(row -> cells.put((String) row[0], (String) row[1]));
                    List<ExportRow> out = new ArrayList<>();
                    reports.forEach(r -> CellExport.read(cells.get(r.id())).forEach(c -> out.add(new ExportRow(
                            r.id(), r.agency(), r.regionCode(), r.year(), r.format(), c.path(), c.value()))));
                    return out;
                });
    }
}
