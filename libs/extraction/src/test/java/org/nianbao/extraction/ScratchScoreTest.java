package org.nianbao.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.nianbao.model.*;
import java.math.BigDecimal;
import java.nio.file.*;
import java.util.*;

class ScratchScoreTest {
    @Test
    void score() throws Exception {
        String dir = System.getProperty("score.dir");
        if (dir == null) return;
        String suffix = System.getProperty("score.suffix", ".flattened.txt");
        Map<String, int[]> totals = new TreeMap<>();
        List<Path> files;
        try (var s = Files.walk(Path.of(dir))) { files = s.filter(p -> p.toString().endsWith(suffix)).sorted().toList(); }
        for (Path p : files) {
            String base = p.toString().substring(0, p.toString().length() - suffix.length());
            Path goldPath = Path.of(base + ".gold.json");
            if (!Files.exists(goldPath)) continue;
            JsonNode g = Json.mapper().readTree(Files.readAllBytes(goldPath));
            Report r;
            try { r = new ReportExtractor().extract(Files.readAllBytes(p), p.getFileName().toString()); }
            catch (Exception e) { System.out.println(p.getFileName() + " FAILED " + e); continue; }
            int[] t = new int[3];
            List<String> bad = new ArrayList<>();
            if (!g.get("format").asText().equals(r.format.json())) bad.add("format " + r.format.json() + " vs " + g.get("format").asText());
            if (r.active != null) g.get("active").fields().forEachRemaining(row -> row.getValue().fields().forEachRemaining(cell -> {
                BigDecimal a = r.active.get(row.getKey(), cell.getKey());
                BigDecimal e = cell.getValue().isNull() ? null : cell.getValue().decimalValue();
                cmp(t, bad, "active." + row.getKey() + "." + cell.getKey(), e, a);
            }));
            JsonNode apps = g.get("applications");
            boolean split = apps.get("otherSplit").asBoolean();
            for (String row : Applications.rowKeys(split)) {
                JsonNode ex = apps.get("rows").has(row) ? apps.get("rows").get(row) : apps.get("default");
                for (int c = 0; c < 7; c++) {
                    Long e = ex.get(c).isNull() ? null : ex.get(c).asLong();
                    Long a = r.applications == null ? null : r.applications.cell(row, c);
                    cmp(t, bad, row + "[" + c + "]", e == null ? null : BigDecimal.valueOf(e), a == null ? null : BigDecimal.valueOf(a));
                }
            }
            for (var group : (r.reviewLitigation == null ? new ReviewLitigation() : r.reviewLitigation).groups().entrySet()) {
                Long[] a = group.getValue().cells();
                JsonNode ex = g.get("reviewLitigation").get(group.getKey());
                for (int k = 0; k < 5; k++) {
                    Long e = ex.get(k).isNull() ? null : ex.get(k).asLong();
                    cmp(t, bad, group.getKey() + k, e == null ? null : BigDecimal.valueOf(e), a[k] == null ? null : BigDecimal.valueOf(a[k]));
                }
            }
            String kind = p.getParent().getFileName().toString();
            int[] tot = totals.computeIfAbsent(kind, k -> new int[3]);
            for (int i = 0; i < 3; i++) tot[i] += t[i];
            if (!bad.isEmpty()) System.out.println(p.getFileName() + " right=" + t[0] + " unread=" + t[1] + " WRONG=" + t[2] + " " + bad.subList(0, Math.min(8, bad.size())) + (System.getProperty("score.problems") != null ? r.extraction.problems.toString() : ""));
        }
        totals.forEach((k, t) -> System.out.printf("TOTAL %s right=%d unread=%d wrong=%d (%.2f%%)%n", k, t[0], t[1], t[2], 100.0 * t[0] / (t[0] + t[1] + t[2])));
    }

    static void cmp(int[] t, List<String> bad, String path, BigDecimal e, BigDecimal a) {
        if (e == null && a == null) return;
        if (e != null && a != null && e.compareTo(a) == 0) { t[0]++; return; }
        if (a == null) { t[1]++; bad.add(path + " unread(" + e + ")"); return; }
        t[2]++; bad.add(path + " WRONG " + a + " vs " + e);
    }
}
