package org.nianbao.publication.it;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the tests read of the service's database behind its back. */
final class Database {
    private Database() {
    }

    /** The roll-up sums that differ from the sums over the reports' stored cells (none: every sum is right). */
    static List<String> rollupsDifferingFromCells() throws SQLException {
        List<String> differing = new ArrayList<>();
        try (Connection c = connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                with summed as (
                    select r.report_year as y, p.prefix, r.active_table as t, c.key as path, sum(coalesce(cast(c.value as numeric), 0)) as v
                    from report r cross join lateral json_each_text(cast(r.cells as json)) c
                    cross join lateral (values (''), (left(r.region_code, 2)), (left(r.region_code, 4)), (r.region_code)) p (prefix)
                    where r.report_year is not null and p.prefix is not null
                    group by 1, 2, 3, 4)
                select coalesce(s.y, r.report_year), coalesce(s.prefix, r.region_prefix), coalesce(s.path, r.path), s.v, r.value
                from summed s full join rollup_cell r
                  on r.report_year = s.y and r.region_prefix = s.prefix and r.active_table = s.t and r.path = s.path
                where coalesce(s.v, 0) <> coalesce(r.value, 0)""")) {
            while (rs.next()) {
                differing.add(rs.getInt(1) + " '" + rs.getString(2) + "' " + rs.getString(3) + ": cells " + rs.getBigDecimal(4)
                        + ", roll-up " + rs.getBigDecimal(5));
            }
        }
        return differing;
    }

    /** A JDBC connection to the service's database. */
    static Connection connection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
