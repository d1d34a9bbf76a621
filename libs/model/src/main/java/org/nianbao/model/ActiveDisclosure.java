package org.nianbao.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 二, 主动公开政府信息情况: rows (rules, normativeDocuments, licensing, …) of named cells.
 * The row and cell names depend on the format; {@link #ROWS_2021} and {@link #ROWS_2019} list them.
 * Money is converted as the model says: 2021 fees in 万元, 2019 procurement in 元.
 */
public class ActiveDisclosure {
    /** Rows and cells of the 2021 table, in template order. */
    public static final Map<String, List<String>> ROWS_2021 = orderedMap(
            "rules", List.of("issued", "repealed", "inForce"),
            "normativeDocuments", List.of("issued", "repealed", "inForce"),
            "licensing", List.of("decisions"),
            "penalty", List.of("decisions"),
            "coercion", List.of("decisions"),
            "fees", List.of("amountWanYuan"));

    /** Rows and cells of the 2019 table, in template order. */
    public static final Map<String, List<String>> ROWS_2019 = orderedMap(
            "rules", List.of("newlyMade", "newlyPublished", "totalPublished"),
            "normativeDocuments", List.of("newlyMade", "newlyPublished", "totalPublished"),
            "licensing", List.of("previousItems", "change", "decisions"),
            "otherServices", List.of("previousItems", "change", "decisions"),
            "penalty", List.of("previousItems", "change", "decisions"),
            "coercion", List.of("previousItems", "change", "decisions"),
            "fees", List.of("previousItems", "change"),
            "procurement", List.of("projects", "amountYuan"));

    private final Map<String, Map<String, BigDecimal>> rows = new LinkedHashMap<>();

    /** The row/cell layout for a format. */
    public static Map<String, List<String>> layout(ReportFormat format) {
        return format.has2021ActiveTable() ? ROWS_2021 : ROWS_2019;
    }

    /** An instance with every row and cell of the format present and blank. */
    public static ActiveDisclosure blank(ReportFormat format) {
        ActiveDisclosure a = new ActiveDisclosure();
        layout(format).forEach((row, cells) -> cells.forEach(cell -> a.set(row, cell, null)));
        return a;
    }

    @JsonAnyGetter
    public Map<String, Map<String, BigDecimal>> rows() {
        return rows;
    }

    @JsonAnySetter
    public void putRow(String row, Map<String, BigDecimal> cells) {
        rows.put(row, new LinkedHashMap<>(cells));
    }

    public void set(String row, String cell, BigDecimal value) {
        rows.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(cell, value);
    }

    /** The value of a cell, or {@code null} when blank or absent. */
    public BigDecimal get(String row, String cell) {
        Map<String, BigDecimal> cells = rows.get(row);
        return cells == null ? null : cells.get(cell);
    }

    private static Map<String, List<String>> orderedMap(Object... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> v = (List<String>) kv[i + 1];
            m.put((String) kv[i], v);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
