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
        long[] before = {count(ids, "report_cell"), count(ids, "report_finding")};
        assertThat(before[0]).isPositive();
        assertThat(before[1]).isEqualTo(4);
        try (Connection c = Database.connection(); Statement st = c.createStatement()) {
            // as the database was before V2: the reports without their cells and findings, the sums without them
            st.execute("delete from report_cell where report_id in ('" + String.join("','", ids) + "')");
            st.execute("delete from report_finding where report_id in ('" + String.join("','", ids) + "')");
            st.execute("delete from rollup_cell");
            st.execute("""
                    insert into rollup_cell (report_year, region_prefix, active_table, path, value)
                    select c.report_year, p.prefix, c.active_table, c.path, sum(coalesce(c.value, 0)) from report_cell c
                    cross join lateral (values (''), (left(c.region_code, 2)), (left(c.region_code, 4)), (c.region_code)) p (prefix)
                    where c.report_year is not null and p.prefix is not null
                    group by c.report_year, p.prefix, c.active_table, c.path""");
        }

        VertxContextSupport.subscribeAndAwait(() -> publication.backfillCells("", 200));

        assertThat(count(ids, "report_cell")).isEqualTo(before[0]);
        assertThat(count(ids, "report_finding")).isEqualTo(before[1]);
        assertThat(Database.rollupsDifferingFromCells()).isEmpty();
        assertThat(VertxContextSupport.subscribeAndAwait(() -> publication.backfillCells("", 200))).doesNotContainAnyElementsOf(ids);
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
