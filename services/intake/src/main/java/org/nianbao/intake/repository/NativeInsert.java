package org.nianbao.intake.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/** A multi-row native INSERT with numbered parameters, in the current session: one statement, one round trip. */
public final class NativeInsert {
    private NativeInsert() {
    }

    /**
     * Inserts {@code rows} with {@code head} (e.g. {@code INSERT INTO t (a, b) VALUES}), one VALUES tuple per row from
     * {@code values} (every row the same number of values), then {@code tail} (e.g. {@code ON CONFLICT DO NOTHING});
     * answers the rows inserted. Nothing is sent for no rows.
     */
    public static <T> Uni<Integer> insert(String head, List<T> rows, Function<T, List<?>> values, String tail) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<List<?>> tuples = rows.stream().<List<?>>map(values).toList();
        String sql = head + " " + tuples(tuples.size(), tuples.get(0).size()) + " " + tail;
        return Panache.getSession().flatMap(session -> {
            var insert = session.createNativeQuery(sql);
            int p = 1;
            for (List<?> tuple : tuples) {
                for (Object value : tuple) {
                    insert.setParameter(p++, value);
                }
            }
            return insert.executeUpdate();
        });
    }

    /** {@code (?1, ?2), (?3, ?4)} for 2 rows of 2 columns. */
    static String tuples(int rows, int columns) {
        StringJoiner all = new StringJoiner(", ");
        int p = 1;
        for (int r = 0; r < rows; r++) {
            StringJoiner row = new StringJoiner(", ", "(", ")");
            for (int c = 0; c < columns; c++) {
                row.add("?" + p++);
            }
            all.add(row.toString());
        }
        return all.toString();
    }
}
