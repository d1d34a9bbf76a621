package org.nianbao.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A gold reading: the values a person read in a document (or a generator put into it), in the format of
 * the hand-read goldens ({@code libs/extraction/src/test/resources/golden/README.md}), and the cell-by-cell
 * comparison of a program's reading with it.
 */
public final class Gold {
    /** How a reading's cell compares with the gold's. */
    public enum Verdict {
        /** Same value, or both blank. */
        RIGHT,
        /** Blank (null) where the gold has a value: left unread. */
        UNREAD,
        /** A value that differs from the gold's, or a value where the gold's cell is blank. */
        WRONG
    }

    /** One compared cell: its model path, the gold's value and the reading's. */
    public record Cell(String path, Object expected, Object actual, Verdict verdict) {
        @Override
        public String toString() {
            return path + ": expected " + expected + ", read " + actual;
        }
    }

    /**
     * The file naming of gold material: {@code x.gold.json} is the gold of every file {@code x.*} beside it,
     * e.g. {@code x.html}, {@code x.chromium.pdf}, {@code x.template.docx}.
     */
    public static final String SUFFIX = ".gold.json";

    private Gold() {
    }

    /** The report a file renders: its name up to the first dot ({@code x} of {@code x.chromium.pdf}). */
    public static String stem(String fileName) {
        int dot = fileName.indexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    /**
     * The kind of rendering a file is: its extension, then what its name says between the stem and the extension
     * ({@code pdf-chromium} for {@code x.chromium.pdf}, {@code txt-flattened}, {@code docx} for {@code x.docx}).
     */
    public static String layout(String fileName) {
        String[] parts = fileName.split("\\.");
        if (parts.length < 2) {
            return "none";
        }
        StringBuilder layout = new StringBuilder(parts[parts.length - 1].toLowerCase(java.util.Locale.ROOT));
        for (int i = 1; i < parts.length - 1; i++) {
            layout.append('-').append(parts[i]);
        }
        return layout.toString();
    }

    /** Reads a gold JSON into a report holding the expected values. */
    public static Report read(byte[] json) {
        try {
            JsonNode g = Json.mapper().readTree(json);
            Report r = new Report();
            r.format = ReportFormat.of(g.path("format").asText());
            r.year = g.hasNonNull("year") ? g.get("year").asInt() : null;
            r.agency = text(g.get("agency"));
            r.title = text(g.get("title"));
            r.publishedOn = g.hasNonNull("publishedOn") ? LocalDate.parse(g.get("publishedOn").asText()) : null;
            if (g.hasNonNull("active")) {
                r.active = new ActiveDisclosure();
                g.get("active").fields().forEachRemaining(row -> row.getValue().fields().forEachRemaining(cell ->
                        r.active.set(row.getKey(), cell.getKey(), cell.getValue().isNull() ? null : cell.getValue().decimalValue())));
            }
            if (g.hasNonNull("applications")) {
                JsonNode apps = g.get("applications");
                r.applications = new Applications();
                for (String row : Applications.rowKeys(apps.get("otherSplit").asBoolean())) {
                    JsonNode values = apps.path("rows").has(row) ? apps.get("rows").get(row) : apps.get("default");
                    Long[] cells = new Long[Applications.COLUMNS.size()];
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = values.get(c).isNull() ? null : values.get(c).asLong();
                    }
                    r.applications.rows.put(row, Arrays.asList(cells));
                }
            }
            if (g.hasNonNull("reviewLitigation")) {
                r.reviewLitigation = new ReviewLitigation();
                for (Map.Entry<String, ReviewLitigation.Group> group : r.reviewLitigation.groups().entrySet()) {
                    JsonNode values = g.get("reviewLitigation").get(group.getKey());
                    ReviewLitigation.Group target = group.getValue();
                    Long[] cells = new Long[5];
                    for (int k = 0; k < 5; k++) {
                        cells[k] = values.get(k).isNull() ? null : values.get(k).asLong();
                    }
                    target.upheld = cells[0];
                    target.corrected = cells[1];
                    target.other = cells[2];
                    target.pending = cells[3];
                    target.total = cells[4];
                }
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("not a gold JSON: " + e.getMessage(), e);
        }
    }

    /** Writes a report's values as a gold JSON (every part 三 row listed). */
    public static byte[] write(Report r) {
        ObjectNode g = Json.mapper().createObjectNode();
        g.put("format", r.format.json());
        g.put("year", r.year);
        g.put("agency", r.agency);
        g.put("publishedOn", r.publishedOn == null ? null : r.publishedOn.toString());
        g.put("title", r.title);
        if (r.active != null) {
            ObjectNode active = g.putObject("active");
            r.active.rows().forEach((row, cells) -> {
                ObjectNode o = active.putObject(row);
                cells.forEach(o::put);
            });
        } else {
            g.putNull("active");
        }
        if (r.applications != null) {
            ObjectNode apps = g.putObject("applications");
            apps.put("otherSplit", r.applications.otherSplit());
            ArrayNode blank = apps.putArray("default");
            Applications.COLUMNS.forEach(c -> blank.addNull());
            ObjectNode rows = apps.putObject("rows");
            r.applications.rows.forEach((row, values) -> {
                ArrayNode array = rows.putArray(row);
                values.forEach(array::add);
            });
        } else {
            g.putNull("applications");
        }
        if (r.reviewLitigation != null) {
            ObjectNode rl = g.putObject("reviewLitigation");
            r.reviewLitigation.groups().forEach((name, group) -> {
                ArrayNode values = rl.putArray(name);
                Arrays.stream(group.cells()).forEach(values::add);
            });
        } else {
            g.putNull("reviewLitigation");
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compares a reading with the gold, cell by cell: format, year, part 三's layout and every cell of parts
     * 二, 三 and 四 the gold has; with {@code metadata}, also agency, title and publication date.
     */
    public static List<Cell> compare(Report gold, Report read, boolean metadata) {
        List<Cell> cells = new ArrayList<>();
        add(cells, "format", gold.format.json(), read.format == ReportFormat.UNKNOWN ? null : read.format.json());
        add(cells, "year", gold.year, read.year);
        if (metadata) {
            add(cells, "agency", gold.agency, read.agency);
            add(cells, "title", gold.title, read.title);
            add(cells, "publishedOn", gold.publishedOn, read.publishedOn);
        }
        if (gold.active != null) {
            gold.active.rows().forEach((row, values) -> values.forEach((cell, expected) -> add(cells,
                    "active." + row + "." + cell, expected, read.active == null ? null : read.active.get(row, cell))));
        }
        if (gold.applications != null) {
            boolean split = gold.applications.otherSplit();
            add(cells, "applications.otherSplit", split, read.applications == null ? null : read.applications.otherSplit());
            for (String row : Applications.rowKeys(split)) {
                for (int c = 0; c < Applications.COLUMNS.size(); c++) {
                    add(cells, Applications.path(row, c), gold.applications.cell(row, c),
                            read.applications == null ? null : read.applications.cell(row, c));
                }
            }
        }
        if (gold.reviewLitigation != null) {
            Map<String, ReviewLitigation.Group> readGroups = read.reviewLitigation == null ? Map.of() : read.reviewLitigation.groups();
            gold.reviewLitigation.groups().forEach((name, group) -> {
                Long[] expected = group.cells();
                Long[] actual = readGroups.containsKey(name) ? readGroups.get(name).cells() : new Long[5];
                for (int k = 0; k < 5; k++) {
                    add(cells, "reviewLitigation." + name + "." + ReviewLitigation.Group.CELLS.get(k), expected[k], actual[k]);
                }
            });
        }
        return cells;
    }

    private static void add(List<Cell> cells, String path, Object expected, Object actual) {
        Verdict v = same(expected, actual) ? Verdict.RIGHT : actual == null ? Verdict.UNREAD : Verdict.WRONG;
        cells.add(new Cell(path, expected, actual, v));
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            return e.compareTo(a) == 0;
        }
        return Objects.equals(expected, actual);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
