package org.nianbao.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import org.nianbao.model.Applications;
import org.nianbao.model.Json;
import org.nianbao.model.Report;
import org.nianbao.model.ReviewLitigation;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares a reading with a hand-written expectation, cell by cell, and lists every difference. */
final class Golden {
    private Golden() {
    }

    /** One table cell: its expected value and what was read (null: blank or not read). */
    record Cell(String path, BigDecimal expected, BigDecimal read) {
        boolean right() {
            return expected == null ? read == null : read != null && expected.compareTo(read) == 0;
        }

        boolean unread() {
            return expected != null && read == null;
        }
    }

    /** Cells read right, left unread, and read wrong (a number where the expectation differs or is blank). */
    record Score(int right, int unread, int wrong, boolean formatRight) {
        @Override
        public String toString() {
            return right + " right / " + unread + " unread / " + wrong + " wrong" + (formatRight ? "" : " (format wrong)");
        }
    }

    static JsonNode expectation(String name) throws IOException {
        return Json.mapper().readTree(Corpus.resource("/golden/" + name + ".json"));
    }

    static void assertMatches(Report r, String name) throws IOException {
        JsonNode g = expectation(name);
        List<String> diffs = new ArrayList<>();
        check(diffs, "format", g.get("format").asText(), r.format.json());
        check(diffs, "year", g.get("year").asInt(), r.year);
        check(diffs, "agency", text(g.get("agency")), r.agency);
        check(diffs, "title", text(g.get("title")), r.title);
        check(diffs, "publishedOn", text(g.get("publishedOn")), r.publishedOn == null ? null : r.publishedOn.toString());
        check(diffs, "applications.otherSplit", g.get("applications").get("otherSplit").asBoolean(),
                r.applications == null ? null : r.applications.otherSplit());
        cells(r, g).stream().filter(c -> !c.right())
                .forEach(c -> diffs.add(c.path() + ": expected " + c.expected() + ", read " + c.read()));
        assertThat(diffs).as("cells of %s that differ from the hand-read expectation", name).isEmpty();
    }

    static Score score(Report r, JsonNode g) {
        List<Cell> cells = cells(r, g);
        int right = (int) cells.stream().filter(Cell::right).count();
        int unread = (int) cells.stream().filter(Cell::unread).count();
        return new Score(right, unread, cells.size() - right - unread, g.get("format").asText().equals(r.format.json()));
    }

    /** Every table cell of the expectation, with what the report holds for it (a missing table reads as blanks). */
    static List<Cell> cells(Report r, JsonNode g) {
        List<Cell> cells = new ArrayList<>();
        g.get("active").fields().forEachRemaining(row -> row.getValue().fields().forEachRemaining(cell -> cells.add(new Cell(
                "active." + row.getKey() + "." + cell.getKey(), decimal(cell.getValue()),
                r.active == null ? null : r.active.get(row.getKey(), cell.getKey())))));
        JsonNode apps = g.get("applications");
        for (String row : Applications.rowKeys(apps.get("otherSplit").asBoolean())) {
            JsonNode expected = apps.get("rows").has(row) ? apps.get("rows").get(row) : apps.get("default");
            for (int c = 0; c < 7; c++) {
                Long read = r.applications == null ? null : r.applications.cell(row, c);
                cells.add(new Cell("applications.rows." + row + "[" + c + "]", decimal(expected.get(c)),
                        read == null ? null : BigDecimal.valueOf(read)));
            }
        }
        for (Map.Entry<String, JsonNode> group : (Iterable<Map.Entry<String, JsonNode>>) () -> g.get("reviewLitigation").fields()) {
            ReviewLitigation.Group read = r.reviewLitigation == null ? null : r.reviewLitigation.groups().get(group.getKey());
            for (int k = 0; k < 5; k++) {
                Long value = read == null ? null : read.cells()[k];
                cells.add(new Cell("reviewLitigation." + group.getKey() + "." + ReviewLitigation.Group.CELLS.get(k),
                        decimal(group.getValue().get(k)), value == null ? null : BigDecimal.valueOf(value)));
            }
        }
        return cells;
    }

    private static BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() ? null : n.decimalValue();
    }

    private static void check(List<String> diffs, String path, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            diffs.add(path + ": expected " + expected + ", read " + actual);
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
