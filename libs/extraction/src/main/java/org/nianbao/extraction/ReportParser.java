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
import java.util.HashSet;
import java.util.Set;

/**
 * Reads report text (any layout: tabs, one cell per line, pipes, layout spaces) into the canonical model.
 * Structural readers (HTML, DOCX, PDF) hand their tables over as one row per line, cells separated by tabs.
 */
final class ReportParser {
    /** The six parts' headings, matched on short lines (whitespace removed), in order. */
    static final List<Pattern> HEADINGS = List.of(
            Pattern.compile("总体情况"),
            Pattern.compile("主动公开政府信息(的)?情况|主动公开情况"),
            Pattern.compile("收到和处理政府信息公开申请(的)?情况|依申请公开政府信息(办理)?情况|收到和处理政府信息公开申请"),
            Pattern.compile("行政复议.{0,4}行政诉讼(的)?情况|行政复议、行政诉讼|复议.{0,2}诉讼情况"),
            Pattern.compile("存在的主要问题|主要问题及改进"),
            Pattern.compile("其他需要报告的事项|其他需报告的事项"));
    private static final String[] SECTION_NAMES = {"overview", "activeDisclosure", "applications", "reviewLitigation",
            "problems", "other"};
    /** The parts' headings with their ordinals (一、总体情况), looked for inside long lines of flattened text. */
    private static final List<Pattern> HEADINGS_WITH_ORDINALS = java.util.stream.IntStream.range(0, HEADINGS.size())
            .mapToObj(h -> Pattern.compile("一二三四五六".charAt(h) + "[、.．]\\s*[^。，；：\\d\\n]{0,10}?(" + HEADINGS.get(h).pattern()
                    + ")(及其?改进(情况|措施)|情况)?[。:：]?"))
            .toList();
    private static final Pattern YEAR_IN_TITLE = Pattern.compile("(20\\d{2}|19\\d{2})\\s*年");
    private static final Pattern DATE = Pattern.compile("(20\\d{2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
    private static final Pattern STAT_PERIOD = Pattern.compile("(20\\d{2})\\s*年\\s*1\\s*月\\s*1\\s*日");
    private static final List<String> MARKERS_2021 = List.of("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量",
            "本年收费金额");
    /** The 2019 part 二: its columns, and the two rows the 2021 table dropped. */
    private static final List<String> MARKERS_2019 = List.of("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量",
            "其他对外管理服务事项", "政府集中采购");
    /** The old 条例's reports: a 统计表 with 指标名称 and 计量单位, or the old parts' headings. */
    private static final Pattern LEGACY_MARKERS = Pattern.compile(
            "指标名称.{0,20}计量单位|政府信息公开的?收费及减免|因政府信息公开申请(提起)?行政复议|依申请公开政府信息和不予公开");

    /** Page numbers on lines of their own ("-3-", "- 3 -", "第3页 共9页"), dropped before reading. */
    private static final Pattern PAGE_NUMBER_LINE = Pattern.compile(
            "[ \\t]*([-—–－][ \\t]*\\d{1,3}[ \\t]*[-—–－]|第[ \\t]*\\d+[ \\t]*页([ \\t]*共[ \\t]*\\d+[ \\t]*页)?)[ \\t]*");
    /** The ends of part 三's row labels, as a crawler glues the row's digits to them ("予以公开0000000"). */
    private static final List<String> LABEL_ENDS = List.of("申请数量", "予以公开", "国家秘密", "禁止公开", "稳定”", "稳定",
            "合法权益", "内部事务信息", "过程性信息", "执法案卷", "查询事项", "政府信息", "另行制作", "仍不明确", "类申请", "重复申请",
            "出版物", "反复申请", "已获取信息", "总计", "继续办理");
    private static final Pattern FIRST_APPLICATIONS_ROW = Pattern.compile("本年新收");
    /** The three rows of the 2021 （六）其他处理 (any of them shows the split block). */
    private static final List<String> SPLIT_OTHER = List.of("逾期不补正", "收费通知", "逾期未按", "缴纳费用");
    private static final Pattern CRAWLER_FIELD = Pattern.compile("^(标题|题目|title|Title)\\s*[:：]\\s*");
    /** The closing date, then at most a little page chrome ("附件下载") before the end. */
    private static final String CLOSING_DATE = "\\s*((?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)[^。\\d]{0,20}$";
    private static final Pattern SIGNATURE_AT_END = Pattern.compile("(?<=[。！；])\\s*([^。！；\\s\\d]{2,30}?)" + CLOSING_DATE);
    /** Part 三's row labels, many of which on one long line show flattened text. */
    private static final List<String> FLATTENED_LABELS = List.of("本年新收", "上年结转", "予以公开", "部分公开", "国家秘密",
            "重复申请", "结转下年度");
    private static final Pattern TRAILING_HEADING_PUNCTUATION = Pattern.compile("[。:：]+$");
    private static final Pattern SIGNING_BODY = Pattern.compile(".*(政府|办公室|局|委员会|管委会|中心|院|厅|委|办)$");

    private ReportParser() {
    }

    static Report parse(String rawText, String inputType) {
        String text = withoutPageNumbers(rawText.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", ""));
        boolean flattened = isFlattened(text);
        if (flattened) {
            text = restoreLines(text);
        }
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
        boolean otherSplit = SPLIT_OTHER.stream().anyMatch(compactAll::contains);
        boolean standardTables = markers2019 || markers2021 || compactAll.contains("本年新收");
        boolean legacyTables = !compactAll.contains("本年新收") && LEGACY_MARKERS.matcher(compactAll).find();
        if (report.year != null && report.year <= 2018 || legacyTables) {
            report.format = ReportFormat.LEGACY; // the 2019 format begins with the reports on 2019
            return report;
        }
        if (!standardTables) {
            report.format = ReportFormat.UNKNOWN;
            report.extraction.problem("", "No standard table (parts 二, 三, 四) was found in the document.");
            return report;
        }
        boolean singleOther = !otherSplit && compactAll.contains("其他处理");
        report.format = markers2021 ? (singleOther ? ReportFormat.MIXED : ReportFormat.F2021)
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
        String active = applicationsStart > activeStart ? text.substring(activeStart, applicationsStart) : null;
        String applications = applicationsStart >= 0 && reviewStart > applicationsStart
                ? text.substring(applicationsStart, reviewStart) : null;
        String review = reviewStart >= 0 && problemsStart > reviewStart ? text.substring(reviewStart, problemsStart) : null;
        RowReader.Boundaries boundaries = !flattened ? RowReader.Boundaries.WRITTEN
                : leavesCellsEmpty(report.format, otherSplit, active, applications, review)
                ? RowReader.Boundaries.LOST_WITH_BLANKS : RowReader.Boundaries.LOST;
        if (active != null) {
            // part 二 has no identity to tell "192" (1 9 2) from 192 and two empty cells: a run there is read
            // directly only when no cell can be blank (all zeros, or as many tokens as cells)
            readActive(report, active, boundaries == RowReader.Boundaries.LOST ? RowReader.Boundaries.LOST_WITH_BLANKS : boundaries);
        }
        if (applications != null) {
            readApplications(report, applications, otherSplit, boundaries);
        }
        if (review != null) {
            readReviewLitigation(report, review, boundaries);
        }
        return report;
    }

    /**
     * The text with the content of its page-number lines removed (their line breaks stay), as the regex
     * {@code (?m)^…$} did: lines end at \n, \r, \u0085, \u2028 or \u2029.
     */
    static String withoutPageNumbers(String text) {
        StringBuilder out = null; // made at the first page number
        int copied = 0;
        Matcher pageNumber = PAGE_NUMBER_LINE.matcher(text);
        for (int start = 0; start <= text.length(); ) {
            int end = start;
            while (end < text.length() && !isLineTerminator(text.charAt(end))) {
                end++;
            }
            if (mayBePageNumber(text, start, end) && pageNumber.region(start, end).matches()) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, start);
                copied = end;
            }
            start = end + 1;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** The line's first character after spaces and tabs opens a page number. */
    private static boolean mayBePageNumber(String text, int start, int end) {
        int i = start;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < end && "-—–－第".indexOf(text.charAt(i)) >= 0;
    }

    /**
     * Flattened text keeps no trace of an empty cell, so "192" could be 192 and two blanks. Where any row of the
     * document shows fewer digits than cells, its author leaves cells empty, and every run is read allowing it.
     */
    private static boolean leavesCellsEmpty(ReportFormat format, boolean otherSplit, String active, String applications,
                                            String review) {
        if (active != null) {
            TableText.Normalised table = TableText.normalise(active);
            if (new RowReader(table).hasShortRow(activeRows(format), activeFrom(table))) {
                return true;
            }
        }
        if (applications != null) {
            RowReader reader = new RowReader(TableText.normalise(applications));
            int[] first = reader.find(FIRST_APPLICATIONS_ROW, 0);
            if (first != null && reader.hasShortRow(Templates.applications(otherSplit), first[0])) {
                return true;
            }
        }
        List<String> tokens = review == null ? null : RowReader.flatTokens(reviewTail(review));
        return tokens != null && !tokens.isEmpty() && RowCandidates.maxCells(tokens) < 15;
    }

    private static List<RowSpec> activeRows(ReportFormat format) {
        return format.has2021ActiveTable() ? Templates.ACTIVE_2021 : Templates.ACTIVE_2019;
    }

    private static int activeFrom(TableText.Normalised table) {
        return Math.max(0, table.text().indexOf("第二十条"));
    }

    // ---- flattened text --------------------------------------------------------------------------------

    /**
     * Text whose table cells lost their boundaries (a crawler's page text): many of part 三's row labels on one
     * line, or its rows' digits glued to their labels ("予以公开0000000"), which no table layout leaves.
     */
    static boolean isFlattened(String text) {
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end - start > 200 && countFlattenedLabels(compact(text.substring(start, end))) >= 5) {
                return true;
            }
            start = end + 1;
        }
        return labelsGluedToDigits(text).size() >= 4;
    }

    /**
     * The label ends found right before a digit, as the regex {@code (申请数量|…|继续办理)[0-9]} finds them: no label
     * holds a digit, so each digit ends at most one match, and the leftmost start means the longest label.
     */
    static Set<String> labelsGluedToDigits(String text) {
        Set<String> labels = new HashSet<>();
        for (int d = 1; d < text.length(); d++) {
            if (!isAsciiDigit(text.charAt(d)) || isAsciiDigit(text.charAt(d - 1))) {
                continue;
            }
            String longest = null;
            for (String label : LABEL_ENDS) {
                if ((longest == null || label.length() > longest.length()) && text.startsWith(label, d - label.length())) {
                    longest = label;
                }
            }
            if (longest != null) {
                labels.add(longest);
            }
        }
        return labels;
    }

    private static int countFlattenedLabels(String compactLine) {
        int labels = 0;
        for (String label : FLATTENED_LABELS) {
            if (compactLine.contains(label)) {
                labels++;
            }
        }
        return labels;
    }

    /**
     * Puts the parts' headings ("三、收到和处理政府信息公开申请情况"), found in order with their ordinals, and
     * the closing signature on lines of their own, as the page showed them before the crawler joined them.
     */
    static String restoreLines(String text) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        int from = 0;
        for (Pattern heading : HEADINGS_WITH_ORDINALS) {
            Matcher m = heading.matcher(text);
            if (m.find(from)) {
                out.append(text, from, m.start()).append('\n').append(m.group()).append('\n');
                from = m.end();
            }
        }
        String rest = text.substring(from);
        Report title = new Report();
        readTitle(title, text.lines().toList());
        Matcher signature = (title.agency == null ? SIGNATURE_AT_END
                : Pattern.compile("(" + Pattern.quote(title.agency) + ")" + CLOSING_DATE)).matcher(rest);
        if (signature.find() || title.agency != null && (signature = SIGNATURE_AT_END.matcher(rest)).find()) {
            rest = rest.substring(0, signature.start()) + "\n" + signature.group(1) + "\n" + signature.group(2) + "\n";
        }
        return out.append(rest).toString();
    }

    // ---- narrative -------------------------------------------------------------------------------------

    private static int[] findHeadings(List<String> lines) {
        int[] found = new int[HEADINGS.size()];
        Arrays.fill(found, -1);
        String[] candidates = new String[lines.size()]; // each line's heading form, computed once
        for (int i = 0; i < lines.size(); i++) {
            candidates[i] = headingCandidate(lines.get(i));
        }
        int from = 0;
        for (int h = 0; h < HEADINGS.size(); h++) {
            for (int i = from; i < lines.size(); i++) {
                if (candidates[i] != null && HEADINGS.get(h).matcher(candidates[i]).find()) {
                    found[h] = i;
                    from = i + 1;
                    break;
                }
            }
        }
        return found;
    }

    /** The line compacted and without its closing punctuation, or null where it is no heading (long, a sentence, a cell). */
    private static String headingCandidate(String line) {
        String c = compact(line);
        if (!c.isEmpty() && "。:：\u0085".indexOf(c.charAt(c.length() - 1)) >= 0) { // the regex's only chance to match
            c = TRAILING_HEADING_PUNCTUATION.matcher(c).replaceAll("");
        }
        return c.length() <= 40 && !c.contains("。") && !isTableCell(line) ? c : null;
    }

    /** A heading is a paragraph, not a cell of a table row. */
    private static boolean isTableCell(String line) {
        return line.strip().startsWith("|") || count(line, '\t') >= 2;
    }

    static int count(String s, char wanted) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == wanted) {
                n++;
            }
        }
        return n;
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
            String t = CRAWLER_FIELD.matcher(normaliseWhitespace(line).replace("[bookmark: _GoBack]", "")).replaceFirst("");
            if (t.isEmpty()) {
                continue;
            }
            if (++seen > 6 || t.length() > 80) {
                break;
            }
            title.append(t);
            if (title.toString().contains("报告")) { // a long title wraps: "…年度报" then "告"
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
        // the last five non-empty lines, stripped, last first
        List<String> tail = new ArrayList<>(5);
        for (int i = lines.size() - 1; i >= 0 && tail.size() < 5; i--) {
            String t = lines.get(i).strip();
            if (!t.isEmpty()) {
                tail.add(t);
            }
        }
        for (int k = 0; k + 1 < tail.size() && k < 4; k++) {
            if (DATE.matcher(tail.get(k)).matches()) {
                String above = normaliseWhitespace(tail.get(k + 1));
                return above.length() <= 30 && SIGNING_BODY.matcher(above).matches() ? above : null;
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

    private static void readActive(Report report, String region, RowReader.Boundaries boundaries) {
        TableText.Normalised table = TableText.normalise(region);
        boolean f2021 = report.format.has2021ActiveTable();
        RowReader.Rows rows = new RowReader(table).read(activeRows(report.format), activeFrom(table), false, null, boundaries);
        TableSolver.Result solved = TableSolver.solve(rows.readings(), List.of());
        ActiveDisclosure active = ActiveDisclosure.blank(report.format);
        Map<String, List<String>> layout = ActiveDisclosure.layout(report.format);
        boolean procurementInWan = compact(region).contains("万元") && !f2021;
        for (var row : solved.cells().entrySet()) {
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
        solved.unread().forEach((k, readings) -> report.extraction.problem("active." + k, unplaced(readings)));
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

    private static void readApplications(Report report, String region, boolean otherSplit, RowReader.Boundaries boundaries) {
        TableText.Normalised table = TableText.normalise(region);
        RowReader reader = new RowReader(table);
        int[] first = reader.find(FIRST_APPLICATIONS_ROW, 0);
        if (first == null) {
            report.extraction.problem("applications", "Part 三's rows were not found.");
            return;
        }
        boolean totalMissing = !compact(table.text().substring(0, first[0])).contains("总计");
        RowReader.Rows rows = reader.read(Templates.applications(otherSplit), first[0], totalMissing,
                Templates::applicationRowHolds, boundaries);
        TableSolver.Result solved = TableSolver.solve(rows.readings(), Templates.applicationIdentities(otherSplit));
        Applications applications = Applications.blank(otherSplit);
        for (var row : solved.cells().entrySet()) {
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
        solved.unread().forEach((k, readings) -> report.extraction.problem("applications.rows." + k, unplaced(readings)));
        rows.missing().forEach(k -> report.extraction.problem("applications.rows." + k, "Row not found in part 三."));
        report.applications = applications;
    }

    private static void readReviewLitigation(Report report, String region, RowReader.Boundaries boundaries) {
        TableText.Normalised table = TableText.normalise(region);
        String tail = reviewTail(table.text());
        List<List<CellValue>> readings = switch (boundaries) {
            case LOST, LOST_WITH_BLANKS -> RowReader.flatReadings(tail, 15, Templates::reviewGroupsHold, boundaries.blanksPossible());
            case WRITTEN -> table.layout() == TableText.Layout.TABS ? tabDataRow(table.text())
                    : RowReader.spaceCells(tail, 15, Templates::reviewGroupsHold);
        };
        List<CellValue> cells = readings != null && readings.size() == 1 ? readings.get(0) : null;
        if (cells == null) {
            report.extraction.problem("reviewLitigation", readings == null || readings.isEmpty()
                    ? "Part 四's 15 numbers could not be read with certainty." : unplaced(readings));
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
    private static List<List<CellValue>> tabDataRow(String text) {
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
            List<CellValue> cells = RowReader.joinWrapped(pieces.stream().map(CellValue::parse).toList(), Templates::reviewGroupsHold);
            if (cells.stream().allMatch(c -> c.isNumber() || c.isBlank()) && cells.stream().anyMatch(CellValue::isNumber)) {
                found = cells;
            }
        }
        return found == null ? List.of() : List.of(found);
    }

    /** Part 四's text after its header: the data row. */
    private static String reviewTail(String text) {
        int header = Math.max(text.lastIndexOf("总计"), Math.max(text.lastIndexOf("审结"), text.lastIndexOf("总 计")));
        return header < 0 ? text : text.substring(header + 2);
    }

    /** Why a row was left empty, with the readings that remain when there are a few. */
    private static String unplaced(List<List<CellValue>> readings) {
        if (readings.isEmpty()) {
            return "The cells of this row could not be placed with certainty; they are left empty.";
        }
        String shown = readings.stream()
                .sorted(java.util.Comparator.comparingLong(r -> r.stream().filter(CellValue::isBlank).count()))
                .limit(4)
                .map(r -> String.join(" ", r.stream().map(c -> c.isNumber() ? c.number().toPlainString() : c.isBlank() ? "–" : c.raw()).toList()))
                .collect(java.util.stream.Collectors.joining(" | "));
        return "The row's digits run together and " + readings.size() + " readings fit the table (" + shown
                + (readings.size() > 4 ? " | …" : "") + "); the cells are left empty.";
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
            if (!blank(c)) {
                b.append(c == '（' ? '(' : c == '）' ? ')' : c);
            }
        }
        return b.toString();
    }

    /**
     * Whitespace, the ideographic space or a no-break space. Above U+3000 no character is whitespace: the Han text
     * that most of a report is skips Character's property tables (a profile showed them as a sixth of extraction).
     */
    private static boolean blank(char c) {
        if (c > '\u3000') {
            return false;
        }
        return c == '\u3000' || c == '\u00A0' || Character.isWhitespace(c);
    }

    /** Collapses whitespace runs; drops spaces between CJK characters (an artefact of PDF extraction). */
    static String normaliseWhitespace(String s) {
        // each run of blanks becomes one line break if it holds one, else one space
        StringBuilder collapsed = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            if (!isBlank(s.charAt(i))) {
                collapsed.append(s.charAt(i++));
                continue;
            }
            boolean newline = false;
            for (; i < s.length() && isBlank(s.charAt(i)); i++) {
                newline |= s.charAt(i) == '\n';
            }
            collapsed.append(newline ? '\n' : ' ');
        }
        return joinCjk(collapsed.toString().strip());
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u3000' || c == '\u00A0';
    }

    /**
     * Drops each whitespace run ({@code \s+}) between a CJK character or CJK punctuation and a CJK character,
     * CJK punctuation or digit, or between a digit and a CJK character.
     */
    static String joinCjk(String s) {
        StringBuilder out = null; // made at the first run dropped
        int copied = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!isRegexSpace(s.charAt(i))) {
                continue;
            }
            int end = i + 1;
            while (end < s.length() && isRegexSpace(s.charAt(end))) {
                end++;
            }
            if (i > 0 && end < s.length() && joins(s.charAt(i - 1), s.codePointAt(end))) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                out.append(s, copied, i);
                copied = end;
            }
            i = end;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /** Whether the whitespace between {@code before} (a char, as a regex look-behind sees it) and {@code after} goes. */
    private static boolean joins(char before, int after) {
        return isCjk(before) ? isCjk(after) || isAsciiDigit(after) : isAsciiDigit(before) && isHan(after);
    }

    private static boolean isCjk(int c) {
        return isHan(c) || "，。、；：“”（）《》".indexOf(c) >= 0;
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Regex {@code \s}: space, \t, \n, \x0B, \f, \r. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }
}
