package org.nianbao.intake.repository;

import java.util.StringJoiner;

/** The VALUES list of a multi-row native INSERT with numbered parameters: one statement, one round trip. */
public final class NativeInsert {
    private NativeInsert() {
    }

    /** {@code (?1, ?2), (?3, ?4)} for 2 rows of 2 columns. */
    public static String values(int rows, int columns) {
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
