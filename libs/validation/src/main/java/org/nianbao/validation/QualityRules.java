package org.nianbao.validation;

import org.nianbao.model.Applications;
import org.nianbao.model.Report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Family E: content quality heuristics (length, coverage, substance, repetition, 其他处理 share). A length or a
 * comparison that depends on a part's text the reader could not find, or on an unread cell, is not judged.
 */
final class QualityRules {
    private static final String[][] ASPECTS = {{"主动公开", "主动公开"}, {"依申请公开", "依申请"}, {"政府信息管理", "信息管理"},
            {"平台建设", "平台"}, {"监督保障", "监督"}};
    private static final Pattern PROBLEM_MARKER = Pattern.compile("问题|不足|差距|短板|薄弱");
    private static final Pattern IMPROVEMENT_MARKER = Pattern.compile("改进|措施|下一步|整改|将");
    private static final Pattern PLAN_YEAR = Pattern.compile("(20\\d{2})\\s*年[，,]?\\s*(?:我们|我局|我区|我市|我县|我委|本机关|本单位)?将");
    private static final Pattern ORDINAL = Pattern.compile("([一二三四五六七八九十])是");
    private static final String NUMERALS = "一二三四五六七八九十";

    private QualityRules() {
    }

    static void check(Check c) {
        Integer year = c.year();
        String overview = c.report.sections.overview;
        int overviewLength = Cells.cjkLength(overview);
        if (overview != null && year != null && year >= 2021 && overviewLength > c.config.overviewWarnLength()
                && !c.unread("sections.activeDisclosure")) { // a missed heading 二 would leave part 二 inside part 一
            c.warning("E-01", List.of("sections.overview"), "≤ " + c.config.overviewWarnLength(), overviewLength,
                    "总体情况约" + overviewLength + "字，超过“原则上不超过一千字”的要求。",
                    "The overview has about " + overviewLength + " characters, more than the 1,000 the format allows.");
        }
        if (overview != null) {
            coverage(c, overview);
        }
        substantiveProblems(c, year);
        duplication(c);
        otherShare(c);
        enumerations(c);
    }

    /** E-02: the overview covers the five aspects the format lists. */
    private static void coverage(Check c, String overview) {
        List<String> missing = new ArrayList<>();
        for (String[] aspect : ASPECTS) {
            if (!overview.contains(aspect[1])) {
                missing.add(aspect[0]);
            }
        }
        if (!missing.isEmpty()) {
            c.warning("E-02", List.of("sections.overview"), "主动公开、依申请公开、政府信息管理、平台建设、监督保障", missing,
                    "总体情况未涉及：" + String.join("、", missing) + "。", "The overview does not cover: " + String.join(", ", missing) + ".");
        }
    }

    /** E-03 and E-07: part 五 names real problems and improvements, and plans for year N+1. */
    private static void substantiveProblems(Check c, Integer year) {
        String problems = c.report.sections.problems;
        if (problems == null) {
            return;
        }
        int length = Cells.cjkLength(problems);
        if (length < 60 || !PROBLEM_MARKER.matcher(problems).find() || !IMPROVEMENT_MARKER.matcher(problems).find()) {
            c.warning("E-03", List.of("sections.problems"), null, length,
                    "“存在的主要问题及改进情况”内容空泛，应具体写明问题和改进措施。",
                    "Part 五 is too thin: name the actual problems and the measures taken or planned.");
        }
        Matcher m = PLAN_YEAR.matcher(problems);
        while (year != null && m.find()) {
            int planned = Integer.parseInt(m.group(1));
            if (planned > year && planned != year + 1) {
                c.warning("E-07", List.of("sections.problems"), year + 1, planned,
                        "第五部分的工作计划年份" + planned + "应为" + (year + 1) + "。",
                        "Part 五 plans for " + planned + "; the next year is " + (year + 1) + ".");
            }
        }
    }

    /** E-04: not a copy of last year's text (whole text, and part 五 alone). */
    private static void duplication(Check c) {
        if (c.previous == null) {
            return;
        }
        if (c.unread("sections") || c.previousUnread.has("sections")) {
            return; // a text the reader could not split into its parts is not compared
        }
        double whole = similarity(text(c.report), text(c.previous));
        if (whole > c.config.duplicationRatio()) {
            c.warning("E-04", List.of("sections"), "≤ " + c.config.duplicationRatio(), round(whole),
                    "报告正文与上一年度重复率约" + Math.round(whole * 100) + "%，存在“年年雷同”问题。",
                    "About " + Math.round(whole * 100) + "% of the text repeats last year's report.");
        }
        if (c.report.sections.problems != null && c.previous.sections.problems != null) {
            double part5 = similarity(c.report.sections.problems, c.previous.sections.problems);
            if (part5 > c.config.problemsDuplicationRatio()) {
                c.warning("E-04", List.of("sections.problems"), "≤ " + c.config.problemsDuplicationRatio(), round(part5),
                        "“存在的主要问题及改进情况”与上一年度重复率约" + Math.round(part5 * 100) + "%。",
                        "Part 五 repeats about " + Math.round(part5 * 100) + "% of last year's.");
            }
        }
    }

    /** E-06: 其他处理 is a small share of the applications processed. */
    private static void otherShare(Check c) {
        Applications a = c.report.applications;
        if (a == null) {
            return;
        }
        long done = Cells.value(a, Applications.TOTAL_PROCESSED, Applications.TOTAL);
        List<String> rows = a.otherSplit() ? Applications.OTHER_SPLIT : Applications.OTHER_SINGLE;
        long other = Cells.sum(a, rows, Applications.TOTAL);
        if (done > 0 && (double) other / done > c.config.otherShare()) {
            c.warning("E-06", rows.stream().map(r -> Cells.path(r, Applications.TOTAL)).toList(),
                    "≤ " + Math.round(c.config.otherShare() * 100) + "%", Math.round(100.0 * other / done) + "%",
                    "“其他处理”占办理总数的" + Math.round(100.0 * other / done) + "%，比例偏高，请说明原因。",
                    "其他处理 is " + Math.round(100.0 * other / done) + "% of the applications processed: explain why it is so high.");
        }
    }

    /** E-08: enumerations "一是…二是…" that skip or repeat a numeral. */
    private static void enumerations(Check c) {
        Report r = c.report;
        String[][] sections = {{"overview", r.sections.overview}, {"problems", r.sections.problems}, {"other", r.sections.other}};
        for (String[] s : sections) {
            if (s[1] == null) {
                continue;
            }
            for (String paragraph : s[1].split("\n")) {
                Matcher m = ORDINAL.matcher(paragraph);
                int expected = 0;
                while (m.find()) {
                    int n = NUMERALS.indexOf(m.group(1));
                    if (n == 0) {
                        expected = 0;
                    }
                    if (n != expected) {
                        c.info("E-08", List.of("sections." + s[0]), NUMERALS.charAt(Math.min(expected, 9)) + "是", m.group(),
                                "列举序号“" + m.group() + "”不连续（应为“" + NUMERALS.charAt(Math.min(expected, 9)) + "是”）。",
                                "The enumeration skips or repeats: '" + m.group() + "' where '" + NUMERALS.charAt(Math.min(expected, 9)) + "是' was expected.");
                        break;
                    }
                    expected++;
                }
            }
        }
    }

    private static String text(Report r) {
        return String.join("\n", nz(r.sections.overview), nz(r.sections.activeDisclosure), nz(r.sections.applications),
                nz(r.sections.reviewLitigation), nz(r.sections.problems), nz(r.sections.other));
    }

    /** Jaccard similarity of the character 5-grams of two texts (whitespace ignored). */
    static double similarity(String a, String b) {
        Set<String> x = grams(a);
        Set<String> y = grams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return (double) both.size() / (x.size() + y.size() - both.size());
    }

    private static Set<String> grams(String text) {
        String s = text.replaceAll("\\s+", "");
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 5 <= s.length(); i++) {
            grams.add(s.substring(i, i + 5));
        }
        return grams;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
