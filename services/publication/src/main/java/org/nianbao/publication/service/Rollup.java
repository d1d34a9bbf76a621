package org.nianbao.publication.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.nianbao.model.Applications;
import org.nianbao.model.Report;
import org.nianbao.model.ReviewLitigation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sum of many reports in the shape of the canonical model. Blank cells count as 0; the 2021 三（六）
 * sub-rows are also summed into "other" so reports of both formats add up; part 二 is summed per format,
 * whose fields differ. {@code reportsWithUnreadCells} says how many reports had cells extraction could not
 * read (counted as 0 here), so nobody mistakes the sum for complete.
 *
 * <p>It is built either from whole reports ({@link #add(Report)}) or from per-cell sums computed by the
 * database ({@link #addCell}, {@link #countReports}); both go through {@link #addCell}.
 */
@JsonPropertyOrder({"region", "year", "reports", "reportsWithUnreadCells", "formats", "applications", "reviewLitigation", "active"})
public final class Rollup {
    private static final Pattern APPLICATION_CELL = Pattern.compile("applications\\.rows\\.(.+)\\[(\\d)]");
    private static final String OTHER_PREFIX = "other.";

    public String region;
    public Integer year;
    public int reports;
    public int reportsWithUnreadCells;
    public final Map<String, Integer> formats = new TreeMap<>();
    public final Map<String, Object> applications = new LinkedHashMap<>();
    public final Map<String, Map<String, Long>> reviewLitigation = new LinkedHashMap<>();
    public final Map<String, Map<String, Map<String, BigDecimal>>> active = new TreeMap<>();

    private final Map<String, long[]> rows = new LinkedHashMap<>();

    public Rollup(String region, Integer year) {
        this.region = region;
        this.year = year;
        applications.put("columns", Applications.COLUMNS);
        applications.put("rows", rows);
        for (String key : Applications.rowKeys(false)) {
            rows.put(key, new long[Applications.COLUMNS.size()]);
            if (key.equals("other")) {
                Applications.OTHER_SPLIT.forEach(split -> rows.put(split, new long[Applications.COLUMNS.size()]));
            }
        }
        for (String group : ReviewLitigation.GROUPS) {
            Map<String, Long> cells = new LinkedHashMap<>();
            ReviewLitigation.Group.CELLS.forEach(c -> cells.put(c, 0L));
            reviewLitigation.put(group, cells);
        }
    }

    /** Adds one whole report. */
    public Rollup add(Report r) {
        countReports(r.format.json(), 1, r.extraction.problems.isEmpty() ? 0 : 1);
        String activeTable = CellExport.activeTable(r);
        CellExport.cells(r).forEach(cell -> addCell(activeTable, cell.path(), cell.value()));
        return this;
    }

    /** Counts {@code count} reports of a format, {@code withUnreadCells} of them with extraction problems. */
    public void countReports(String format, int count, int withUnreadCells) {
        reports += count;
        reportsWithUnreadCells += withUnreadCells;
        formats.merge(format, count, Integer::sum);
    }

    /** Adds a value (or a sum of values) to the cell at a model path; null counts as 0. */
    public void addCell(String activeTable, String path, BigDecimal value) {
        BigDecimal v = value == null ? BigDecimal.ZERO : value;
        Matcher m = APPLICATION_CELL.matcher(path);
        if (m.matches()) {
            addApplications(m.group(1), Integer.parseInt(m.group(2)), v.longValueExact());
        } else if (path.startsWith("reviewLitigation.")) {
            String[] parts = path.split("\\.");
            Map<String, Long> group = reviewLitigation.get(parts[1]);
            if (group != null && group.containsKey(parts[2])) {
                group.merge(parts[2], v.longValueExact(), Long::sum);
            }
        } else if (path.startsWith("active.")) {
            String[] parts = path.split("\\.");
            active.computeIfAbsent(activeTable, f -> new LinkedHashMap<>())
                    .computeIfAbsent(parts[1], x -> new LinkedHashMap<>()).merge(parts[2], v, BigDecimal::add);
        }
    }

    private void addApplications(String row, int column, long value) {
        add(row, column, value);
        if (row.startsWith(OTHER_PREFIX)) {
            add("other", column, value);
        }
    }

    private void add(String row, int column, long value) {
        long[] sums = rows.get(row);
        if (sums != null && column < sums.length) {
            sums[column] += value;
        }
    }

    /** The summed row of part 三, in column order. */
    public long[] row(String key) {
        return rows.get(key);
    }

    /** The part 三 row keys shown in a roll-up, in table order. */
    public List<String> rowKeys() {
        return List.copyOf(rows.keySet());
    }
}
