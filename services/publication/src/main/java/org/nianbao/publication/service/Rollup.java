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

/**
 * The sum of many reports in the shape of the canonical model. Blank cells count as 0; the 2021 三（六）
 * sub-rows are also summed into "other" so reports of both formats add up; part 二 is summed per format,
 * whose fields differ. {@code reportsWithUnreadCells} says how many reports had cells extraction could not
 * read (counted as 0 here), so nobody mistakes the sum for complete.
 */
@JsonPropertyOrder({"region", "year", "reports", "reportsWithUnreadCells", "formats", "applications", "reviewLitigation", "active"})
public final class Rollup {
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
            rows.put(key, new long[7]);
        }
        for (String key : Applications.OTHER_SPLIT) {
            rows.put(key, new long[7]);
        }
        for (String group : ReviewLitigation.GROUPS) {
            Map<String, Long> cells = new LinkedHashMap<>();
            ReviewLitigation.Group.CELLS.forEach(c -> cells.put(c, 0L));
            reviewLitigation.put(group, cells);
        }
    }

    public Rollup add(Report r) {
        reports++;
        formats.merge(r.format.json(), 1, Integer::sum);
        if (!r.extraction.problems.isEmpty()) {
            reportsWithUnreadCells++;
        }
        if (r.applications != null) {
            r.applications.rows.forEach((key, values) -> {
                addRow(key, values);
                if (Applications.OTHER_SPLIT.contains(key)) {
                    addRow("other", values);
                }
            });
        }
        if (r.reviewLitigation != null) {
            r.reviewLitigation.groups().forEach((group, g) -> {
                Long[] cells = g.cells();
                for (int k = 0; k < cells.length; k++) {
                    reviewLitigation.get(group).merge(ReviewLitigation.Group.CELLS.get(k), cells[k] == null ? 0 : cells[k], Long::sum);
                }
            });
        }
        if (r.active != null) {
            Map<String, Map<String, BigDecimal>> sums = active.computeIfAbsent(r.format.has2021ActiveTable() ? "2021" : "2019",
                    f -> new LinkedHashMap<>());
            r.active.rows().forEach((row, cells) -> cells.forEach((cell, v) -> sums.computeIfAbsent(row, x -> new LinkedHashMap<>())
                    .merge(cell, v == null ? BigDecimal.ZERO : v, BigDecimal::add)));
        }
        return this;
    }

    private void addRow(String key, List<Long> values) {
        long[] sums = rows.get(key);
        if (sums == null) {
            return;
        }
        for (int c = 0; c < 7 && c < values.size(); c++) {
            sums[c] += values.get(c) == null ? 0 : values.get(c);
        }
    }
}
