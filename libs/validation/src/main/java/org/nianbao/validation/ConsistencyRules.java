package org.nianbao.validation;

import org.nianbao.model.Applications;
import org.nianbao.model.ReviewLitigation;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Family D: numbers stated in the prose against the tables. Prose is free text, so these are warnings
 * that show both numbers; 信息处理费 (D-04) is required from 2021 on. A table figure the reader could not
 * read, or a part 六 it could not find, is never compared.
 */
final class ConsistencyRules {
    private static final Pattern RECEIVED = Pattern.compile("(?:收到|受理|新收)[^。；;]{0,20}?申请[^。；;\\d]{0,8}?(\\d+)\\s*件");
    private static final Pattern REVIEW = Pattern.compile("行政复议(?:案件|申请)?[^。；;\\d]{0,6}?(\\d+)\\s*(?:件|起)");
    private static final Pattern LITIGATION = Pattern.compile("行政诉讼(?:案件)?[^。；;\\d]{0,6}?(\\d+)\\s*(?:件|起)");
    private static final Pattern IN_FORCE = Pattern.compile("现行有效[^。；;\\d]{0,12}?(?:规范性文件)?[^。；;\\d]{0,4}?(\\d+)\\s*件");
    private static final Pattern FEE = Pattern.compile("信息处理费|处理费");
    private static final Pattern NO_FEE = Pattern.compile("(未|没有|无)[^。]{0,6}(收取|收费)|收取[^。]{0,8}0\\s*元|不收取");
    static final Pattern PERCENT = Pattern.compile("(予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)[^。；;%]{0,15}?(\\d+)\\s*件[^。；;%]{0,6}?占[^。；;%\\d]{0,6}?(\\d+(?:\\.\\d+)?)\\s*%");

    /** The characters RECEIVED and PERCENT matches start with: they are tried only there (see {@link #find}). */
    private static final String RECEIVED_STARTS = "收受新";
    private static final String PERCENT_STARTS = "予部不无其";

    private ConsistencyRules() {
    }

    static void check(Check c) {
        String prose = join(c.report.sections.overview, c.report.sections.applications);
        Applications a = c.report.applications;
        if (a != null) {
            received(c, a, prose);
            percentages(c, a, prose);
        }
        if (c.report.reviewLitigation != null) {
            reviewAndLitigation(c, c.report.reviewLitigation, join(prose, c.report.sections.reviewLitigation));
        }
        if (c.report.active != null && c.report.format.has2021ActiveTable()) {
            inForce(c, join(c.report.sections.overview, c.report.sections.activeDisclosure));
        }
        processingFee(c);
    }

    /** D-01: applications received, as written in the prose, against 一、本年新收 (or with 上年结转). */
    private static void received(Check c, Applications a, String prose) {
        Matcher m = RECEIVED.matcher(prose);
        if (!find(m, prose, RECEIVED_STARTS, 0) || c.unread(Cells.path(Applications.NEW_RECEIVED, Applications.TOTAL))
                || c.unread(Cells.path(Applications.CARRIED_OVER, Applications.TOTAL))) {
            return;
        }
        long stated = Long.parseLong(m.group(1));
        long received = Cells.value(a, Applications.NEW_RECEIVED, Applications.TOTAL);
        long withCarried = received + Cells.value(a, Applications.CARRIED_OVER, Applications.TOTAL);
        if (stated != received && stated != withCarried) {
            c.warning("D-01", List.of("sections.overview", Cells.path(Applications.NEW_RECEIVED, Applications.TOTAL)), received, stated,
                    "正文称收到申请" + stated + "件，表格“本年新收”总计为" + received + "件。",
                    "The text says " + stated + " applications were received; the table's 本年新收 total is " + received + ".");
        }
    }

    /** D-05: a share stated as "…N件，占X%" matches N / processed. */
    private static void percentages(Check c, Applications a, String prose) {
        long done = Cells.value(a, Applications.TOTAL_PROCESSED, Applications.TOTAL);
        if (done == 0) { // blank or unread
            return;
        }
        Matcher m = PERCENT.matcher(prose);
        for (int from = 0; find(m, prose, PERCENT_STARTS, from); from = Math.max(m.end(), m.start() + 1)) {
            long n = Long.parseLong(m.group(2));
            double stated = Double.parseDouble(m.group(3));
            double actual = 100.0 * n / done;
            if (Math.abs(actual - stated) > 0.1 + 0.05) {
                c.warning("D-05", List.of("sections.overview"), String.format("%.1f%%", actual), stated + "%",
                        "正文称“" + m.group(1) + n + "件，占" + stated + "%”，按办理总数" + done + "件计算应为" + String.format("%.1f", actual) + "%。",
                        "The text says " + n + " (" + m.group(1) + ") are " + stated + "%; of " + done + " processed that is "
                                + String.format("%.1f", actual) + "%.");
            }
        }
    }

    /** D-02: 行政复议 and 行政诉讼 counts in the prose against part 四's totals. */
    private static void reviewAndLitigation(Check c, ReviewLitigation rl, String prose) {
        Matcher review = REVIEW.matcher(prose);
        long reviewTotal = rl.review.total == null ? 0 : rl.review.total;
        if (review.find() && Long.parseLong(review.group(1)) != reviewTotal && !c.unread("reviewLitigation.review.total")) {
            c.warning("D-02", List.of("sections.overview", "reviewLitigation.review.total"), reviewTotal, Long.parseLong(review.group(1)),
                    "正文称行政复议" + review.group(1) + "件，第四部分行政复议总计为" + reviewTotal + "件。",
                    "The text says " + review.group(1) + " administrative reviews; part 四's review total is " + reviewTotal + ".");
        }
        Matcher litigation = LITIGATION.matcher(prose);
        long litigationTotal = Cells.sum(rl.litigationDirect.total, rl.litigationAfterReview.total);
        if (litigation.find() && Long.parseLong(litigation.group(1)) != litigationTotal
                && !c.unread("reviewLitigation.litigationDirect.total") && !c.unread("reviewLitigation.litigationAfterReview.total")) {
            c.warning("D-02", List.of("sections.overview", "reviewLitigation.litigationDirect.total",
                            "reviewLitigation.litigationAfterReview.total"), litigationTotal, Long.parseLong(litigation.group(1)),
                    "正文称行政诉讼" + litigation.group(1) + "件，第四部分行政诉讼总计为" + litigationTotal + "件。",
                    "The text says " + litigation.group(1) + " lawsuits; part 四's litigation totals add up to " + litigationTotal + ".");
        }
    }

    /** D-03: 现行有效 normative documents in the prose against part 二. */
    private static void inForce(Check c, String prose) {
        Matcher m = IN_FORCE.matcher(prose);
        BigDecimal table = c.report.active.get("normativeDocuments", "inForce");
        if (m.find() && table != null && new BigDecimal(m.group(1)).compareTo(table) != 0) {
            c.warning("D-03", List.of("sections.overview", "active.normativeDocuments.inForce"), table, Long.parseLong(m.group(1)),
                    "正文称现行有效规范性文件" + m.group(1) + "件，第二部分表格为" + table + "件。",
                    "The text says " + m.group(1) + " normative documents are in force; part 二's table says " + table + ".");
        }
    }

    /** D-04: from 2021 on, part 六 reports the 信息处理费 collected. */
    private static void processingFee(Check c) {
        Integer year = c.year();
        if (year == null || year < 2021) {
            return;
        }
        if (c.unread("sections.other")) {
            return;
        }
        String other = c.report.sections.other == null ? "" : c.report.sections.other;
        if (!FEE.matcher(other).find()) {
            c.error("D-04", List.of("sections.other"), "信息处理费", null,
                    "第六部分应报告收取信息处理费的情况（未收取也应说明）。",
                    "Part 六 must report the information processing fees (信息处理费) collected, or state that none were.");
            return;
        }
        Applications a = c.report.applications;
        if (a != null && a.otherSplit() && Cells.value(a, "other.unpaidFee", Applications.TOTAL) > 0 && NO_FEE.matcher(other).find()) {
            c.warning("D-04", List.of("sections.other", Cells.path("other.unpaidFee", Applications.TOTAL)),
                    null, Cells.value(a, "other.unpaidFee", Applications.TOTAL),
                    "第三部分有申请人逾期未缴纳费用的情形，但第六部分称未收取信息处理费，请核实是否发出过收费通知。",
                    "Part 三 counts applications closed for unpaid fees, yet part 六 says no fee was charged; check that fee notices were sent.");
        }
    }

    private static String join(String... texts) {
        StringBuilder b = new StringBuilder();
        for (String t : texts) {
            if (t != null) {
                b.append(t).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * {@link Matcher#find(int)} for a pattern (with no look-behind) whose every match starts with one of {@code starts}:
     * the match is tried only where one of them stands, not at every character of a long text, which Java's regex
     * engine does for a pattern opening with alternatives (measured: most of D-01's and D-05's time).
     */
    static boolean find(Matcher m, String text, String starts, int from) {
        for (int i = from; i < text.length(); i++) {
            if (starts.indexOf(text.charAt(i)) >= 0) {
                m.region(i, text.length());
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }
}
