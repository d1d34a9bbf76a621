package org.nianbao.publication.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.nianbao.events.ReportPublished;
import org.nianbao.publication.service.PublicationService;
import org.nianbao.testing.PostgresResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports published before cells and findings were kept apart (schema V1) get them from the back-fill. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class CellBackfillTest {
    @Inject
    PublicationService publication;

    @Test
    void reportsWithoutCellsGetTheirCellsFindingsAndRollUps() throws Throwable {
        List<ReportPublished> published = VertxContextSupport.subscribeAndAwait(() -> publication.publish(List.of(
                Events.validated("补录甲局", "330100", "sub-g1", 1, 1, 2, 7),
                Events.validated("补录乙局", "330200", "sub-h1", 1, 1, 0, 9))));
        List<String> ids = published.stream().map(ReportPublished::reportId).toList();
        Map<String, String> cells = storedCells(ids);
        assertThat(cells.values()).allSatisfy(json -> assertThat(json).contains("applications.rows.newReceived[6]"));
        assertThat(count(ids, "report_finding")).isEqualTo(4);
        try (Connection c = Database.connection(); Statement st = c.createStatement()) {
            // as the database was before V2: the reports without their cells and findings, the sums without them
            String in = "('" + String.join("','", ids) + "')";
            st.execute("update report set cells = null, active_table = null where id in " + in);
            st.execute("delete from report_finding where report_id in " + in);
            st.execute("delete from rollup_cell");
            st.execute("""
                    insert into rollup_cell (report_year, region_prefix, active_table, path, value)
                    select r.report_year, p.prefix, r.active_table, c.key, sum(coalesce(cast(c.value as numeric), 0))
                    from report r cross join lateral json_each_text(cast(r.cells as json)) c
                    cross join lateral (values (''), (left(r.region_code, 2)), (left(r.region_code, 4)), (r.region_code)) p (prefix)
                    where r.report_year is not null and p.prefix is not null
                    group by r.report_year, p.prefix, r.active_table, c.key""");
        }

        VertxContextSupport.subscribeAndAwait(() -> publication.backfillCells("", 200));

        assertThat(storedCells(ids)).isEqualTo(cells);
        assertThat(count(ids, "report_finding")).isEqualTo(4);
        assertThat(Database.rollupsDifferingFromCells()).isEmpty();
        assertThat(VertxContextSupport.subscribeAndAwait(() -> publication.backfillCells("", 200))).doesNotContainAnyElementsOf(ids);
    }

    /** The reports' stored cells (JSON) by report id. */
    private static Map<String, String> storedCells(List<String> reportIds) throws SQLException {
        Map<String, String> cells = new TreeMap<>();
        try (Connection c = Database.connection();
             PreparedStatement st = c.prepareStatement("select id, cells from report where id = any (?)")) {
            st.setArray(1, c.createArrayOf("varchar", reportIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    cells.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        assertThat(cells).hasSize(reportIds.size());
        return cells;
    }

    private static long count(List<String> reportIds, String table) throws SQLException {
        try (Connection c = Database.connection();
             PreparedStatement st = c.prepareStatement("select count(*) from " + table + " where report_id = any (?)")) {
            st.setArray(1, c.createArrayOf("varchar", reportIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
