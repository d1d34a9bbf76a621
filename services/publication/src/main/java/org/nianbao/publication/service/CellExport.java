package org.nianbao.publication.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Applications;
import org.nianbao.model.Json;
import org.nianbao.model.Report;
import org.nianbao.model.ReviewLitigation;
import org.nianbao.publication.model.PublishedReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Stores a version's cells, and which part 二 columns it uses, in its report's row. */
    public static void fill(PublishedReport row, Report version) {
        row.cells = json(version);
        row.activeTable = activeTable(version);
    }

    /** The cells as stored with a report: a JSON object, path → value in the tables' order. */
    public static String json(Report r) {
        Map<String, BigDecimal> byPath = new LinkedHashMap<>();
        cells(r).forEach(c -> byPath.put(c.path(), c.value()));
        return PipelineEvents.toJson(byPath);
    }

    /** The cells stored with a report ({@link #json}), in order; none when they are not filled in yet. */
    public static List<Cell> read(String json) {
        if (json == null) {
            return List.of();
        }
        List<Cell> cells = new ArrayList<>();
        try {
            Json.mapper().readValue(json, STORED).forEach((path, value) -> cells.add(new Cell(path, value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report's stored cells are not valid JSON: " + e.getOriginalMessage(), e);
        }
        return cells;
    }

    private static final TypeReference<LinkedHashMap<String, BigDecimal>> STORED = new TypeReference<>() {
    };

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
