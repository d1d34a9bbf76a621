package org.nianbao.extraction;

import org.nianbao.model.ActiveDisclosure;
import org.nianbao.model.Applications;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;
import org.nianbao.model.ReviewLitigation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads report text (any layout: tabs, one cell per line, pipes, layout spaces) into the canonical model.
 * Structural readers (HTML, DOCX, PDF) hand their tables over as one row per line, cells separated by tabs.
 */
final class ReportParser {
    /** The six parts' headings, matched on short lines (whitespace removed), in order. */
    private static final List<Pattern> HEADINGS = List.of(
            Pattern.compile("总体情况"),
            Pattern.compile("主动公开政府信息(的)?情况|主动公开情况"),
            Pattern.compile("收到和处理政府信息公开申请(的)?情况|依申请公开政府信息(办理)?情况|收到和处理政府信息公开申请"),
            Pattern.compile("行政复议.{0,4}行政诉讼(的)?情况|行政复议、行政诉讼|复议.{0,2}诉讼情况"),
            Pattern.compile("存在的主要问题|主要问题及改进"),
            Pattern.compile("其他需要报告的事项|其他需报告的事项"));
    private static final String[] SECTION_NAMES = {"overview", "activeDisclosure", "applications", "reviewLitigation",
            "problems", "other"};
    private static final Pattern YEAR_IN_TITLE = Pattern.compile("(20\\d{2}|19\\d{2})\\s*年");
    private static final Pattern DATE = Pattern.compile("(20\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern STAT_PERIOD = Pattern.compile("(20\\d{2})\\s*年\\s*1\\s*月\\s*1\\s*日");
    private static final List<String> MARKERS_2021 = List.of("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量",
            "本年收费金额");
    private static final List<String> MARKERS_2019 = List.of("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量",
            "政府集中采购", "其他对外管理服务事项");
    /** Page numbers on lines of their own ("-3-", "- 3 -", "第3页 共9页"), dropped before reading. */
    private static final Pattern PAGE_NUMBER_LINE = Pattern.compile(
            "(?m)^[ \\t]*([-—–－][ \\t]*\\d{1,3}[ \\t]*[-—–－]|第[ \\t]*\\d+[ \\t]*页([ \\t]*共[ \\t]*\\d+[ \\t]*页)?)[ \\t]*$");
    private static final Pattern SPLIT_OTHER = Pattern.compile("逾期不补正");

    private ReportParser() {
    }

    static Report parse(String rawText, String inputType) {
        String text = PAGE_NUMBER_LINE.matcher(rawText.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", ""))
                .replaceAll("");
        Report report = new Report();
        report.extraction.inputType = inputType;
        List<String> lines = text.lines().toList();
        int[] headings = findHeadings(lines);
        int[] offsets = lineOffsets(lines);

        readTitle(report, lines);
        readSections(report, lines, headings);
        readPublicationDate(report, lines);
        if (report.agency == null) {
            report.agency = agencyFromSignature(lines);
        }
        String compactAll = compact(text);
        if (report.year == null) {
            Matcher m = STAT_PERIOD.matcher(text);
            if (m.find()) {
                report.year = Integer.parseInt(m.group(1));
            }
        }
        boolean markers2021 = MARKERS_2021.stream().anyMatch(compactAll::contains);
        boolean markers2019 = MARKERS_2019.stream().anyMatch(compactAll::contains);
        boolean otherSplit = SPLIT_OTHER.matcher(compactAll).find();
        if (!markers2019 && !markers2021 && !compactAll.contains("本年新收")) {
            report.format = report.year != null && report.year <= 2018 ? ReportFormat.LEGACY : ReportFormat.UNKNOWN;
            if (report.format == ReportFormat.UNKNOWN) {
                report.extraction.problem("", "No standard table (parts 二, 三, 四) was found in the document.");
            }
            return report;
        }
        report.format = markers2021 ? (otherSplit ? ReportFormat.F2021 : ReportFormat.MIXED)
                : markers2019 ? ReportFormat.F2019 : otherSplit ? ReportFormat.F2021 : ReportFormat.UNKNOWN;

        int activeStart = start(offsets, headings[1], 0);
        int applicationsStart = start(offsets, headings[2], -1);
        int reviewStart = start(offsets, headings[3], -1);
        int problemsStart = start(offsets, headings[4], text.length());
        if (applicationsStart < 0) {
            applicationsStart = firstIndex(text, "本年新收", activeStart);
        }
        if (reviewStart < 0) {
            reviewStart = lastIndexBefore(text, "行政复议", problemsStart, Math.max(applicationsStart, 0));
        }
        if (applicationsStart > activeStart) {
            readActive(report, text.substring(activeStart, applicationsStart));
        }
        if (applicationsStart >= 0 && reviewStart > applicationsStart) {
            readApplications(report, text.substring(applicationsStart, reviewStart), otherSplit);
        }
        if (reviewStart >= 0 && problemsStart > reviewStart) {
            readReviewLitigation(report, text.substring(reviewStart, problemsStart));
        }
        return report;
    }

    // ---- narrative -------------------------------------------------------------------------------------

    private static int[] findHeadings(List<String> lines) {
        int[] found = new int[HEADINGS.size()];
        Arrays.fill(found, -1);
        int from = 0;
        for (int h = 0; h < HEADINGS.size(); h++) {
            for (int i = from; i < lines.size(); i++) {
                String c = compact(lines.get(i)).replaceAll("[。:：]+$", "");
                if (c.length() <= 40 && !c.contains("。") && HEADINGS.get(h).matcher(c).find() && !isTableCell(lines.get(i))) {
                    found[h] = i;
                    from = i + 1;
                    break;
                }
            }
        }
        return found;
    }

    /** A heading is a paragraph, not a cell of a table row. */
    private static boolean isTableCell(String line) {
        return line.strip().startsWith("|") || line.chars().filter(c -> c == '\t').count() >= 2;
    }

    private static void readSections(Report report, List<String> lines, int[] headings) {
        for (int h = 0; h < headings.length; h++) {
            if (headings[h] < 0) {
                continue;
            }
            int end = lines.size();
            for (int k = h + 1; k < headings.length; k++) {
                if (headings[k] > headings[h]) {
                    end = headings[k];
                    break;
                }
            }
            if (h == headings.length - 1) {
                end = signatureStart(lines, headings[h] + 1, end);
            }
            String body = normaliseWhitespace(String.join("\n", lines.subList(headings[h] + 1, end)));
            setSection(report, SECTION_NAMES[h], body);
        }
    }

    /** Part 六 ends where the signature (agency name and date) begins. */
    private static int signatureStart(List<String> lines, int from, int end) {
        int last = end;
        for (int i = end - 1; i >= from && i >= end - 4; i--) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) {
                continue;
            }
            if (DATE.matcher(t).matches() || t.length() <= 30 && (t.endsWith("政府") || t.endsWith("办公室") || t.endsWith("局")
                    || t.endsWith("委员会") || t.endsWith("管委会") || t.endsWith("中心"))) {
                last = i;
            } else {
                break;
            }
        }
        return last;
    }

    private static void setSection(Report report, String name, String body) {
        switch (name) {
            case "overview" -> report.sections.overview = body;
            case "activeDisclosure" -> report.sections.activeDisclosure = body;
            case "applications" -> report.sections.applications = body;
            case "reviewLitigation" -> report.sections.reviewLitigation = body;
            case "problems" -> report.sections.problems = body;
            default -> report.sections.other = body;
        }
    }

    private static void readTitle(Report report, List<String> lines) {
        StringBuilder title = new StringBuilder();
        int seen = 0;
        for (String line : lines) {
            String t = normaliseWhitespace(line).replace("[bookmark: _GoBack]", "");
            if (t.isEmpty()) {
                continue;
            }
            if (++seen > 6 || t.length() > 80) {
                break;
            }
            title.append(t);
            if (t.contains("报告")) {
                String full = joinCjk(title.toString());
                report.title = full;
                Matcher y = YEAR_IN_TITLE.matcher(full);
                if (y.find()) {
                    report.year = Integer.parseInt(y.group(1));
                }
                report.agency = agencyFromTitle(full);
                return;
            }
        }
    }

    /** The issuing body named in the title: before the year ("洪泽区人民政府2023年…") or after it ("2020年定海区…"). */
    static String agencyFromTitle(String title) {
        Matcher y = YEAR_IN_TITLE.matcher(title);
        String candidate;
        if (y.find() && y.start() > 0) {
            candidate = title.substring(0, y.start());
        } else if (y.find(0)) {
            int end = title.indexOf("政府信息公开", y.end());
            candidate = end > y.end() ? title.substring(y.end(), end) : "";
            candidate = candidate.replaceFirst("^度", "");
        } else {
            int end = title.indexOf("政府信息公开");
            candidate = end > 0 ? title.substring(0, end) : "";
        }
        candidate = candidate.strip();
        return candidate.length() >= 2 && candidate.length() <= 40 ? candidate : null;
    }

    /** The signing body: the short line just above the closing date, e.g. "舟山市定海区人民政府办公室". */
    private static String agencyFromSignature(List<String> lines) {
        List<String> tail = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = tail.size() - 1; i >= Math.max(1, tail.size() - 4); i--) {
            if (DATE.matcher(tail.get(i)).matches()) {
                String above = normaliseWhitespace(tail.get(i - 1));
                return above.length() <= 30 && above.matches(".*(政府|办公室|局|委员会|管委会|中心|院|厅|委|办)$") ? above : null;
            }
        }
        return null;
    }

    private static void readPublicationDate(Report report, List<String> lines) {
        int checked = 0;
        for (int i = lines.size() - 1; i >= 0 && checked < 12; i--) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) {
                continue;
            }
            checked++;
            Matcher m = DATE.matcher(t);
            if (m.find() && t.length() <= 40) {
                try {
                    report.publishedOn = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException invalid) {
                    report.extraction.problem("publishedOn", "The date '" + m.group() + "' does not exist.");
                }
                return;
            }
        }
    }

    // ---- tables ----------------------------------------------------------------------------------------

    private static void readActive(Report report, String region) {
        TableText.Normalised table = TableText.normalise(region);
        RowReader reader = new RowReader(table);
        int from = Math.max(0, table.text().indexOf("第二十条"));
        boolean f2021 = report.format.has2021ActiveTable();
        List<RowSpec> specs = f2021 ? Templates.ACTIVE_2021 : Templates.ACTIVE_2019;
        RowReader.Rows rows = reader.read(specs, from, false, null);
        ActiveDisclosure active = ActiveDisclosure.blank(report.format);
        Map<String, List<String>> layout = ActiveDisclosure.layout(report.format);
        boolean procurementInWan = compact(region).contains("万元") && !f2021;
        for (var row : rows.cells().entrySet()) {
            List<String> names = layout.get(row.getKey());
            for (int i = 0; i < names.size(); i++) {
                CellValue cell = row.getValue().get(i);
                String path = "active." + row.getKey() + "." + names.get(i);
                if (cell.kind() == CellValue.Kind.UNREADABLE) {
                    report.extraction.problem(path, "Cell '" + cell.raw().strip() + "' is not a number.");
                    continue;
                }
                active.set(row.getKey(), names.get(i), money(row.getKey(), names.get(i), cell, procurementInWan));
            }
        }
        rows.problems().forEach(k -> report.extraction.problem("active." + k,
                "The cells of this row could not be placed with certainty; they are left empty."));
        rows.missing().forEach(k -> report.extraction.problem("active." + k, "Row not found in part 二."));
        report.active = active;
    }

    /** Money as the model says: 2021 fees in 万元, 2019 procurement in 元. */
    private static BigDecimal money(String row, String cell, CellValue value, boolean procurementInWan) {
        BigDecimal v = value.number();
        if (v == null) {
            return null;
        }
        if (cell.equals("amountWanYuan") && "元".equals(value.unit())) {
            return v.movePointLeft(4).stripTrailingZeros();
        }
        if (cell.equals("amountYuan") && ("万元".equals(value.unit()) || value.unit() == null && procurementInWan)) {
            return v.movePointRight(4).stripTrailingZeros();
        }
        return v;
    }

    private static void readApplications(Report report, String region, boolean otherSplit) {
        TableText.Normalised table = TableText.normalise(region);
        RowReader reader = new RowReader(table);
        int[] first = reader.find(Pattern.compile("本年新收"), 0);
        if (first == null) {
            report.extraction.problem("applications", "Part 三's rows were not found.");
            return;
        }
        boolean totalMissing = !compact(table.text().substring(0, first[0])).contains("总计");
        RowReader.Rows rows = reader.read(Templates.applications(otherSplit), first[0], totalMissing, RowReader::rowTotalHolds);
        Applications applications = Applications.blank(otherSplit);
        for (var row : rows.cells().entrySet()) {
            List<Long> values = new ArrayList<>();
            for (int c = 0; c < 7; c++) {
                CellValue cell = row.getValue().get(c);
                Long count = cell.count();
                if (cell.kind() == CellValue.Kind.UNREADABLE || cell.isNumber() && (count == null || count < 0)) {
                    report.extraction.problem("applications.rows." + row.getKey() + "[" + c + "]",
                            "Cell '" + cell.raw().strip() + "' is not a count.");
                    count = null;
                }
                values.add(count);
            }
            applications.rows.put(row.getKey(), values);
        }
        if (totalMissing) {
            report.extraction.problem("applications.columns", "The table header has no 总计 column on its first rows.");
        }
        rows.problems().forEach(k -> report.extraction.problem("applications.rows." + k,
                "The cells of this row could not be placed with certainty; they are left empty."));
        rows.missing().forEach(k -> report.extraction.problem("applications.rows." + k, "Row not found in part 三."));
        report.applications = applications;
    }

    private static void readReviewLitigation(Report report, String region) {
        TableText.Normalised table = TableText.normalise(region);
        List<CellValue> cells = table.layout() == TableText.Layout.TABS ? tabDataRow(table.text()) : spaceDataRow(table.text());
        if (cells == null) {
            report.extraction.problem("reviewLitigation", "Part 四's 15 numbers could not be read with certainty.");
            report.reviewLitigation = new ReviewLitigation();
            return;
        }
        ReviewLitigation rl = new ReviewLitigation();
        List<ReviewLitigation.Group> groups = List.of(rl.review, rl.litigationDirect, rl.litigationAfterReview);
        List<String> names = ReviewLitigation.GROUPS;
        for (int g = 0; g < 3; g++) {
            Long[] values = new Long[5];
            for (int k = 0; k < 5; k++) {
                CellValue cell = cells.get(g * 5 + k);
                values[k] = cell.count();
                if (cell.kind() == CellValue.Kind.UNREADABLE || values[k] != null && values[k] < 0) {
                    report.extraction.problem("reviewLitigation." + names.get(g) + "." + ReviewLitigation.Group.CELLS.get(k),
                            "Cell '" + cell.raw().strip() + "' is not a count.");
                    values[k] = null;
                }
            }
            ReviewLitigation.Group group = ReviewLitigation.Group.of(values);
            copy(group, groups.get(g));
        }
        report.reviewLitigation = rl;
    }

    private static void copy(ReviewLitigation.Group from, ReviewLitigation.Group to) {
        to.upheld = from.upheld;
        to.corrected = from.corrected;
        to.other = from.other;
        to.pending = from.pending;
        to.total = from.total;
    }

    /** The data row of part 四: the last row of 15 cells that are all numbers or blank. */
    private static List<CellValue> tabDataRow(String text) {
        List<CellValue> found = null;
        for (String line : text.lines().toList()) {
            List<String> pieces = new ArrayList<>(Arrays.asList(line.split("\t", -1)));
            while (pieces.size() > 15 && pieces.get(pieces.size() - 1).isBlank()) {
                pieces.remove(pieces.size() - 1);
            }
            while (pieces.size() > 15 && pieces.get(0).isBlank()) {
                pieces.remove(0);
            }
            if (pieces.size() != 15) {
                continue;
            }
            List<CellValue> cells = pieces.stream().map(CellValue::parse).toList();
            if (cells.stream().allMatch(c -> c.isNumber() || c.isBlank()) && cells.stream().anyMatch(CellValue::isNumber)) {
                found = cells;
            }
        }
        return found;
    }

    private static List<CellValue> spaceDataRow(String text) {
        int header = Math.max(text.lastIndexOf("总计"), Math.max(text.lastIndexOf("审结"), text.lastIndexOf("总 计")));
        String tail = header < 0 ? text : text.substring(header + 2);
        return RowReader.spaceCells(tail, 15, ReportParser::groupTotalsHold);
    }

    /** Part 四: each group's 总计 is the sum of its four results. */
    static boolean groupTotalsHold(List<Long> cells) {
        for (int g = 0; g < 3; g++) {
            long sum = 0;
            for (int k = 0; k < 4; k++) {
                sum += cells.get(g * 5 + k);
            }
            if (sum != cells.get(g * 5 + 4)) {
                return false;
            }
        }
        return true;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static int[] lineOffsets(List<String> lines) {
        int[] offsets = new int[lines.size() + 1];
        int pos = 0;
        for (int i = 0; i < lines.size(); i++) {
            offsets[i] = pos;
            pos += lines.get(i).length() + 1;
        }
        offsets[lines.size()] = pos;
        return offsets;
    }

    private static int start(int[] offsets, int line, int fallback) {
        return line < 0 ? fallback : offsets[line];
    }

    private static int firstIndex(String text, String needle, int from) {
        return text.indexOf(needle, Math.max(0, from));
    }

    private static int lastIndexBefore(String text, String needle, int before, int after) {
        int i = text.lastIndexOf(needle, before);
        return i > after ? text.lastIndexOf('\n', i) + 1 : -1;
    }

    static String compact(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u3000' && c != '\u00A0') {
                b.append(c == '（' ? '(' : c == '）' ? ')' : c);
            }
        }
        return b.toString();
    }

    /** Collapses whitespace runs; drops spaces between CJK characters (an artefact of PDF extraction). */
    static String normaliseWhitespace(String s) {
        String collapsed = s.replace('\u3000', ' ').replace('\u00A0', ' ').replaceAll("[ \\t]+", " ")
                .replaceAll(" *\\n[ \\n]*", "\n").strip();
        return joinCjk(collapsed);
    }

    private static String joinCjk(String s) {
        return s.replaceAll("(?<=[\\p{IsHan}，。、；：“”（）《》])\\s+(?=[\\p{IsHan}，。、；：“”（）《》\\d])", "")
                .replaceAll("(?<=\\d)\\s+(?=[\\p{IsHan}])", "");
    }
}
