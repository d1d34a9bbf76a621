package org.nianbao.validation;

import org.nianbao.model.ActiveDisclosure;
import org.nianbao.model.Applications;
import org.nianbao.model.ReportFormat;
import org.nianbao.model.ReviewLitigation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Family C: the 勾稽关系 identities and value domains. A blank total is reported as missing, not as a
 * numeric mismatch; an identity that involves a cell the reader could not read is not checked (X-01 says why).
 */
final class ArithmeticRules {
    private static final String[] GROUP_ZH = {"行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"};

    private ArithmeticRules() {
    }

    static void check(Check c) {
        Applications a = c.report.applications;
        if (a != null) {
            columnIdentity(c, a);
            rowTotals(c, a);
            outcomeSums(c, a);
        }
        if (c.report.reviewLitigation != null) {
            groupTotals(c, c.report.reviewLitigation);
        }
        if (c.report.active != null) {
            activeDomain(c, c.report.active);
        }
    }

    /** C-01: per column, 一 + 二 = 三（七） + 四 (the identity printed in the table's header). */
    private static void columnIdentity(Check c, Applications a) {
        for (int col = 0; col < 7; col++) {
            List<String> paths = List.of(Cells.path(Applications.NEW_RECEIVED, col), Cells.path(Applications.CARRIED_OVER, col),
                    Cells.path(Applications.TOTAL_PROCESSED, col), Cells.path(Applications.CARRIED_FORWARD, col));
            if (paths.stream().anyMatch(c::unread)) {
                continue;
            }
            long in = Cells.value(a, Applications.NEW_RECEIVED, col) + Cells.value(a, Applications.CARRIED_OVER, col);
            long out = Cells.value(a, Applications.TOTAL_PROCESSED, col) + Cells.value(a, Applications.CARRIED_FORWARD, col);
            if (in == out) {
                continue;
            }
            if (Cells.blank(a, Applications.TOTAL_PROCESSED, col) && in > 0) {
                c.error("C-01", List.of(paths.get(2)), in - Cells.value(a, Applications.CARRIED_FORWARD, col), null,
                        "第三部分“" + Cells.COLUMN_ZH[col] + "”列：（七）总计为空，应为" + (in - Cells.value(a, Applications.CARRIED_FORWARD, col)) + "。",
                        "Part 三, column " + Applications.COLUMNS.get(col) + ": （七）总计 is blank; it should be "
                                + (in - Cells.value(a, Applications.CARRIED_FORWARD, col)) + ".");
                continue;
            }
            c.error("C-01", paths, in, out,
                    "第三部分“" + Cells.COLUMN_ZH[col] + "”列：第一项加第二项之和（" + in + "）应等于第三项加第四项之和（" + out + "）。",
                    "Part 三, column " + Applications.COLUMNS.get(col) + ": new + carried over (" + in
                            + ") must equal processed + carried forward (" + out + ").");
        }
    }

    /** C-02: every row's 总计 is the sum of its six applicant columns. */
    private static void rowTotals(Check c, Applications a) {
        a.rows.forEach((row, values) -> {
            List<String> paths = new ArrayList<>();
            for (int col = 0; col < 7; col++) {
                paths.add(Cells.path(row, col));
            }
            if (paths.stream().anyMatch(c::unread)) {
                return;
            }
            long sum = 0;
            for (int col = 0; col < 6; col++) {
                sum += Cells.value(a, row, col);
            }
            Long total = a.cell(row, Applications.TOTAL);
            if (total == null) {
                if (sum > 0) {
                    c.error("C-02", List.of(Cells.path(row, Applications.TOTAL)), sum, null,
                            "第三部分“" + row + "”行的总计为空，应为" + sum + "。",
                            "Part 三, row " + row + ": 总计 is blank; it should be " + sum + ".");
                }
            } else if (total != sum) {
                c.error("C-02", paths, sum, total,
                        "第三部分“" + row + "”行：各类申请人之和（" + sum + "）与总计（" + total + "）不符。",
                        "Part 三, row " + row + ": the applicant columns add up to " + sum + " but 总计 is " + total + ".");
            }
        });
    }

    /** C-03: per column, （七）总计 is the sum of the outcome rows. */
    private static void outcomeSums(Check c, Applications a) {
        List<String> outcomes = Applications.outcomeKeys(a.otherSplit());
        for (int col = 0; col < 7; col++) {
            final int column = col;
            if (outcomes.stream().anyMatch(r -> c.unread(Cells.path(r, column)))
                    || c.unread(Cells.path(Applications.TOTAL_PROCESSED, col))) {
                continue;
            }
            long sum = Cells.sum(a, outcomes, col);
            Long done = a.cell(Applications.TOTAL_PROCESSED, col);
            if (done == null) {
                if (sum > 0 && !Cells.blank(a, Applications.NEW_RECEIVED, col)) {
                    c.error("C-03", List.of(Cells.path(Applications.TOTAL_PROCESSED, col)), sum, null,
                            "第三部分“" + Cells.COLUMN_ZH[col] + "”列：（七）总计为空，各办理结果之和为" + sum + "。",
                            "Part 三, column " + Applications.COLUMNS.get(col) + ": （七）总计 is blank; the outcomes add up to " + sum + ".");
                }
            } else if (done != sum) {
                List<String> paths = new ArrayList<>();
                paths.add(Cells.path(Applications.TOTAL_PROCESSED, col));
                outcomes.forEach(r -> paths.add(Cells.path(r, column)));
                c.error("C-03", paths, sum, done,
                        "第三部分“" + Cells.COLUMN_ZH[col] + "”列：各办理结果之和（" + sum + "）与（七）总计（" + done + "）不符。",
                        "Part 三, column " + Applications.COLUMNS.get(col) + ": the outcomes add up to " + sum + " but （七）总计 is " + done + ".");
            }
        }
    }

    /** C-04: each part 四 group's 总计 is 维持 + 纠正 + 其他 + 尚未审结. */
    private static void groupTotals(Check c, ReviewLitigation rl) {
        int g = 0;
        for (var entry : rl.groups().entrySet()) {
            String base = "reviewLitigation." + entry.getKey();
            ReviewLitigation.Group group = entry.getValue();
            String zh = GROUP_ZH[g++];
            if (c.unread(base)) {
                continue;
            }
            long sum = Cells.sum(group.upheld, group.corrected, group.other, group.pending);
            List<String> paths = List.of(base + ".upheld", base + ".corrected", base + ".other", base + ".pending", base + ".total");
            if (group.total == null) {
                if (sum > 0) {
                    c.error("C-04", List.of(base + ".total"), sum, null, zh + "的总计为空，应为" + sum + "。",
                            "Part 四, " + entry.getKey() + ": 总计 is blank; it should be " + sum + ".");
                }
            } else if (group.total != sum) {
                c.error("C-04", paths, sum, group.total,
                        zh + "：结果维持、结果纠正、其他结果、尚未审结之和（" + sum + "）与总计（" + group.total + "）不符。",
                        "Part 四, " + entry.getKey() + ": upheld + corrected + other + pending = " + sum + " but 总计 is "
                                + group.total + ".");
            }
        }
    }

    /** C-05 to C-07 for part 二: counts are whole and not negative (2019 本年增/减 may be signed), stocks add up. */
    private static void activeDomain(Check c, ActiveDisclosure active) {
        active.rows().forEach((row, cells) -> cells.forEach((cell, value) -> {
            if (value == null) {
                return;
            }
            boolean money = cell.startsWith("amount");
            boolean signed = cell.equals("change");
            if (!signed && value.signum() < 0 || !money && value.stripTrailingZeros().scale() > 0) {
                c.error("C-05", List.of("active." + row + "." + cell), money ? "≥ 0" : "whole number ≥ 0", value,
                        "第二部分“" + row + "." + cell + "”的数值" + value.toPlainString() + "不合理。",
                        "Part 二, " + row + "." + cell + ": " + value.toPlainString() + " is not a valid "
                                + (money ? "amount" : "count") + ".");
            }
        }));
        if (c.report.format.has2021ActiveTable()) {
            for (String row : List.of("rules", "normativeDocuments")) {
                BigDecimal issued = active.get(row, "issued");
                BigDecimal repealed = active.get(row, "repealed");
                BigDecimal inForce = active.get(row, "inForce");
                if (issued != null && repealed != null && inForce != null && inForce.compareTo(issued.subtract(repealed)) < 0) {
                    c.warning("C-06", List.of("active." + row + ".inForce"), "≥ " + issued.subtract(repealed), inForce,
                            "第二部分“" + row + "”：现行有效件数（" + inForce + "）小于本年制发减本年废止（" + issued.subtract(repealed) + "）。",
                            "Part 二, " + row + ": in force (" + inForce + ") is below issued − repealed (" + issued.subtract(repealed) + ").");
                }
            }
        } else if (c.report.format == ReportFormat.F2019) {
            for (String row : List.of("rules", "normativeDocuments")) {
                BigDecimal published = active.get(row, "newlyPublished");
                BigDecimal total = active.get(row, "totalPublished");
                if (published != null && total != null && published.compareTo(total) > 0) {
                    c.warning("C-07", List.of("active." + row + ".newlyPublished", "active." + row + ".totalPublished"),
                            "≤ " + total, published, "本年新公开数量大于对外公开总数量。",
                            "Part 二, " + row + ": newly published (" + published + ") exceeds the total published (" + total + ").");
                }
            }
            for (String row : List.of("licensing", "otherServices", "penalty", "coercion", "fees")) {
                BigDecimal previous = active.get(row, "previousItems");
                BigDecimal change = active.get(row, "change");
                if (previous != null && change != null && previous.add(change).signum() < 0) {
                    c.warning("C-07", List.of("active." + row + ".previousItems", "active." + row + ".change"), "≥ 0",
                            previous.add(change), "上一年项目数量加本年增/减为负数。",
                            "Part 二, " + row + ": last year's items plus this year's change is negative.");
                }
            }
        }
    }
}
