package org.nianbao.publication.service;

import org.nianbao.model.Applications;
import org.nianbao.model.Report;
import org.nianbao.model.ReviewLitigation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's table cells as (path, value) rows, in the order of the official tables: the queryable,
 * exportable form of the canonical model. Paths are the model's: {@code active.rules.issued},
 * {@code applications.rows.granted[0]}, {@code reviewLitigation.review.total}.
 */
public final class CellExport {
    public static final List<String> COLUMNS = List.of("report_id", "agency", "region_code", "year", "format", "path", "value");

    public record Cell(String path, BigDecimal value) {
    }

    private CellExport() {
    }

    /** Every cell of parts 二, 三 and 四, blank cells with a null value. */
    public static List<Cell> cells(Report r) {
        List<Cell> cells = new ArrayList<>();
        if (r.active != null) {
            r.active.rows().forEach((row, values) -> values.forEach((cell, v) -> cells.add(new Cell("active." + row + "." + cell, v))));
        }
        if (r.applications != null) {
            r.applications.rows.forEach((row, values) -> {
                for (int c = 0; c < values.size(); c++) {
                    cells.add(new Cell(applicationPath(row, c), decimal(values.get(c))));
                }
            });
        }
        if (r.reviewLitigation != null) {
            r.reviewLitigation.groups().forEach((group, g) -> {
                Long[] values = g.cells();
                for (int k = 0; k < values.length; k++) {
                    cells.add(new Cell("reviewLitigation." + group + "." + ReviewLitigation.Group.CELLS.get(k), decimal(values[k])));
                }
            });
        }
        return cells;
    }

    /** Which part 二 columns a report uses, "2021" or "2019": their sums are kept apart. */
    public static String activeTable(Report r) {
        return r.format.has2021ActiveTable() ? "2021" : "2019";
    }

    public static String applicationPath(String row, int column) {
        return Applications.path(row, column);
    }

    private static BigDecimal decimal(Long value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    /** One CSV field, quoted when it needs to be (RFC 4180). */
    public static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
