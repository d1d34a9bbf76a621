package org.nianbao.publication.service;

import org.nianbao.model.Report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A report's table cells as (path, value) rows: the queryable, exportable form of the canonical model. */
public final class CellExport {
    public static final String CSV_HEADER = "report_id,agency,region_code,year,format,path,value";

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
                    Long v = values.get(c);
                    cells.add(new Cell("applications.rows." + row + "[" + c + "]", v == null ? null : BigDecimal.valueOf(v)));
                }
            });
        }
        if (r.reviewLitigation != null) {
            r.reviewLitigation.groups().forEach((group, g) -> {
                Long[] values = g.cells();
                for (int k = 0; k < values.length; k++) {
                    cells.add(new Cell("reviewLitigation." + group + "." + org.nianbao.model.ReviewLitigation.Group.CELLS.get(k),
                            values[k] == null ? null : BigDecimal.valueOf(values[k])));
                }
            });
        }
        return cells;
    }

    /** One CSV field, quoted when it needs to be (RFC 4180). */
    public static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
