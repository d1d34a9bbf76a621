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

    static void assertMatches(Report r, String name) throws IOException {
        JsonNode g = Json.mapper().readTree(Corpus.resource("/golden/" + name + ".json"));
        List<String> diffs = new ArrayList<>();
        check(diffs, "format", g.get("format").asText(), r.format.json());
        check(diffs, "year", g.get("year").asInt(), r.year);
        check(diffs, "agency", text(g.get("agency")), r.agency);
        check(diffs, "title", text(g.get("title")), r.title);
        check(diffs, "publishedOn", text(g.get("publishedOn")), r.publishedOn == null ? null : r.publishedOn.toString());
        if (r.active == null) {
            diffs.add("active: missing");
        } else {
            g.get("active").fields().forEachRemaining(row -> row.getValue().fields().forEachRemaining(cell -> {
                BigDecimal actual = r.active.get(row.getKey(), cell.getKey());
                BigDecimal expected = cell.getValue().isNull() ? null : cell.getValue().decimalValue();
                if (expected == null ? actual != null : actual == null || expected.compareTo(actual) != 0) {
                    diffs.add("active." + row.getKey() + "." + cell.getKey() + ": expected " + expected + ", read " + actual);
                }
            }));
        }
        JsonNode apps = g.get("applications");
        if (r.applications == null) {
            diffs.add("applications: missing");
        } else {
            boolean split = apps.get("otherSplit").asBoolean();
            check(diffs, "applications.otherSplit", split, r.applications.otherSplit());
            for (String row : Applications.rowKeys(split)) {
                JsonNode expected = apps.get("rows").has(row) ? apps.get("rows").get(row) : apps.get("default");
                for (int c = 0; c < 7; c++) {
                    Long e = expected.get(c).isNull() ? null : expected.get(c).asLong();
                    check(diffs, "applications.rows." + row + "[" + c + "]", e, r.applications.cell(row, c));
                }
            }
        }
        if (r.reviewLitigation == null) {
            diffs.add("reviewLitigation: missing");
        } else {
            for (Map.Entry<String, ReviewLitigation.Group> group : r.reviewLitigation.groups().entrySet()) {
                Long[] actual = group.getValue().cells();
                JsonNode expected = g.get("reviewLitigation").get(group.getKey());
                for (int k = 0; k < 5; k++) {
                    Long e = expected.get(k).isNull() ? null : expected.get(k).asLong();
                    check(diffs, "reviewLitigation." + group.getKey() + "." + ReviewLitigation.Group.CELLS.get(k), e, actual[k]);
                }
            }
        }
        assertThat(diffs).as("cells of %s that differ from the hand-read expectation", name).isEmpty();
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
