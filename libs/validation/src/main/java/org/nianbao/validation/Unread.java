package org.nianbao.validation;

import org.nianbao.model.ActiveDisclosure;
import org.nianbao.model.Applications;
import org.nianbao.model.Extraction;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;
import org.nianbao.model.ReviewLitigation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the reader could not read, as opposed to what the document does not have.
 * <ul>
 * <li>A cell is unread when it is {@code null} and a reader problem lies on it, on its row or part, on its
 * part's columns, or on the whole document (path ""). A blank cell (null, no problem) is read: it is 0.</li>
 * <li>A table (part 二, 三 or 四) that is {@code null} is absent only when the reader says nothing about it and
 * the text of its part was read without any of the table's labels; otherwise the reader did not find it.</li>
 * <li>A part's text that is {@code null} is absent only when the reader recognised an earlier part (whose text
 * then runs on where this part would be) and no trace of this part's heading is in the parts' text; otherwise
 * (no part recognised before it, or its heading runs into another part's text, as in flattened web pages) the
 * reader missed it.</li>
 * </ul>
 * Rules ask {@link #has} before resting a finding on a path; the X-01 finding lists {@link #reasons}.
 */
final class Unread {
    static final List<String> SECTIONS = List.of("overview", "activeDisclosure", "applications", "reviewLitigation",
            "problems", "other");
    /** Traces of each part's heading in text: the ordinal with a keyword, or the heading's phrase. */
    private static final List<Pattern> HEADING_TRACES = List.of(
            Pattern.compile("一[、.．]\\s*总体|总体情况"),
            Pattern.compile("二[、.．]\\s*主动公开|主动公开政府信息的?情况"),
            Pattern.compile("三[、.．]\\s*[^。；\\n]{0,6}申请|收到和处理政府信息公开申请|依申请公开政府信息"),
            Pattern.compile("四[、.．]\\s*[^。；\\n]{0,6}(复议|诉讼)|行政复议.{0,4}行政诉讼"),
            Pattern.compile("五[、.．]\\s*[^。；\\n]{0,4}(问题|不足|改进)|存在的主要问题|主要问题及改进"),
            Pattern.compile("六[、.．]\\s*其[他它]|其[他它]需要?报告的?事项|信息处理费"));
    /** Labels only the table of each part carries, searched in the compacted text of the parts. */
    private static final Map<String, Pattern> TABLE_LABELS = Map.of(
            "active", Pattern.compile("第二十条第|本年制发件数|本年新制作数量|处理决定数量"),
            "applications", Pattern.compile("本年新收"),
            "reviewLitigation", Pattern.compile("尚未审结|结果维持"));
    private static final Map<String, String> TABLE_SECTION = Map.of(
            "active", "activeDisclosure", "applications", "applications", "reviewLitigation", "reviewLitigation");

    private final Set<String> cells = new LinkedHashSet<>();
    /** Unread tables and parts' text: model path → why, or null where a reader problem already says why. */
    private final Map<String, String> missed = new LinkedHashMap<>();
    private final List<Extraction.Problem> problems;

    private Unread(Report r) {
        problems = r.extraction == null ? List.of() : r.extraction.problems;
        if (r.applications != null) {
            Applications a = r.applications;
            Set<String> rows = new LinkedHashSet<>(Applications.rowKeys(a.otherSplit()));
            rows.addAll(a.rows.keySet());
            for (String row : rows) {
                for (int col = 0; col < Applications.COLUMNS.size(); col++) {
                    cell(Cells.path(row, col), a.cell(row, col));
                }
            }
        }
        if (r.active != null) {
            Map<String, Set<String>> layout = new LinkedHashMap<>();
            ActiveDisclosure.layout(r.format).forEach((row, names) -> layout.put(row, new LinkedHashSet<>(names)));
            r.active.rows().forEach((row, values) -> layout.computeIfAbsent(row, k -> new LinkedHashSet<>()).addAll(values.keySet()));
            layout.forEach((row, names) -> names.forEach(name -> cell("active." + row + "." + name, r.active.get(row, name))));
        }
        if (r.reviewLitigation != null) {
            r.reviewLitigation.groups().forEach((group, g) -> {
                Long[] values = g.cells();
                for (int k = 0; k < values.length; k++) {
                    cell("reviewLitigation." + group + "." + ReviewLitigation.Group.CELLS.get(k), values[k]);
                }
            });
        }
        if (r.format != ReportFormat.LEGACY) {
            sections(r);
        }
        if (r.format == ReportFormat.F2019 || r.format == ReportFormat.F2021 || r.format == ReportFormat.MIXED) {
            tables(r);
        }
    }

    static Unread of(Report r) {
        return r == null ? null : new Unread(r);
    }

    /** True when the path (a cell, row, group, table or part) is, contains or lies within something unread. */
    boolean has(String path) {
        return cells.stream().anyMatch(p -> overlap(p, path)) || missed.keySet().stream().anyMatch(p -> overlap(p, path));
    }

    /** Everything unread, path → why: the reader's problems, then the tables and parts it did not find. */
    Map<String, String> reasons() {
        Map<String, String> all = new LinkedHashMap<>();
        problems.forEach(p -> all.merge(p.path().isEmpty() ? "extraction" : p.path(), p.message(), (x, y) -> x + " " + y));
        missed.forEach((path, why) -> {
            if (why != null) {
                all.putIfAbsent(path, why);
            }
        });
        return all;
    }

    private void cell(String path, Object value) {
        if (value == null && problems.stream().anyMatch(p -> covers(p.path(), path))) {
            cells.add(path);
        }
    }

    /** A part's text the reader did not find is unread unless other parts were found without a trace of its heading. */
    private void sections(Report r) {
        List<String> found = new ArrayList<>();
        for (String name : SECTIONS) {
            String text = section(r, name);
            if (text != null) {
                found.add(text);
            }
        }
        if (found.isEmpty()) {
            missed.put("sections", problems.stream().anyMatch(p -> covers(p.path(), "sections")) ? null
                    : "No part heading (一 to 六) was recognised, so the parts' text could not be separated.");
            return;
        }
        String text = String.join("\n", found);
        boolean earlierFound = false;
        for (int i = 0; i < SECTIONS.size(); i++) {
            String path = "sections." + SECTIONS.get(i);
            if (section(r, SECTIONS.get(i)) != null) {
                earlierFound = true;
                continue;
            }
            if (problems.stream().anyMatch(p -> covers(p.path(), path))) {
                missed.put(path, null);
            } else if (!earlierFound) { // the reader keeps no text before the first heading it recognised
                missed.put(path, "No heading was recognised before part " + "一二三四五六".charAt(i)
                        + "'s place, and the text there is not kept, so a heading run into it cannot be told from a missing part.");
            } else if (HEADING_TRACES.get(i).matcher(text).find()) {
                missed.put(path, "The heading of part " + "一二三四五六".charAt(i)
                        + " appears inside the text of another part but was not recognised as a heading.");
            }
        }
    }

    /** A table left null is unread unless its part's text was read and no part carries the table's labels. */
    private void tables(Report r) {
        String compact = String.join("\n", SECTIONS.stream().map(s -> section(r, s))
                .filter(s -> s != null).toList()).replaceAll("\\s+", "");
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("active", r.active);
        tables.put("applications", r.applications);
        tables.put("reviewLitigation", r.reviewLitigation);
        tables.forEach((part, table) -> {
            if (table != null) {
                return;
            }
            if (problems.stream().anyMatch(p -> overlap(p.path(), part) || p.path().isEmpty())) {
                missed.put(part, null);
            } else if (section(r, TABLE_SECTION.get(part)) == null) {
                missed.put(part, "The table was not found, and neither was the text of its part.");
            } else if (TABLE_LABELS.get(part).matcher(compact).find()) {
                missed.put(part, "The table's labels are in the text but its rows were not read.");
            }
        });
    }

    static String section(Report r, String name) {
        return switch (name) {
            case "overview" -> r.sections.overview;
            case "activeDisclosure" -> r.sections.activeDisclosure;
            case "applications" -> r.sections.applications;
            case "reviewLitigation" -> r.sections.reviewLitigation;
            case "problems" -> r.sections.problems;
            default -> r.sections.other;
        };
    }

    /** A problem at {@code problem} concerns the cell at {@code path}: same path, an ancestor, the part's columns, or "". */
    static boolean covers(String problem, String path) {
        return problem.isEmpty() || within(path, problem)
                || problem.endsWith(".columns") && within(path, problem.substring(0, problem.length() - ".columns".length()));
    }

    private static boolean overlap(String a, String b) {
        return within(a, b) || within(b, a);
    }

    /** {@code path} is {@code ancestor} or lies under it ("a.b" under "a", "a.b[3]" under "a.b"). */
    private static boolean within(String path, String ancestor) {
        if (!path.startsWith(ancestor)) {
            return false;
        }
        if (path.length() == ancestor.length()) {
            return true;
        }
        char next = path.charAt(ancestor.length());
        return next == '.' || next == '[';
    }
}
