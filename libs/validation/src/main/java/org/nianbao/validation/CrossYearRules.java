package org.nianbao.validation;

import org.nianbao.model.ActiveDisclosure;
import org.nianbao.model.Applications;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;

import java.math.BigDecimal;
import java.util.List;

/**
 * Family F: the report against the same agency's report of the year before. F-01 leaves out a column whose
 * cell either report's reader could not read; F-02, F-03 and F-05 compare only figures both reports have.
 */
final class CrossYearRules {
    private CrossYearRules() {
    }

    static void check(Check c) {
        Report now = c.report;
        Report before = c.previous;
        if (before == null) {
            if (now.applications != null && c.year() != null) {
                c.info("F-01", List.of("applications.rows.carriedOver"), null, null,
                        "尚无该机关上一年度（" + (c.year() - 1) + "）的报告，无法核对上年结转。",
                        "The agency's " + (c.year() - 1) + " report is not known yet; 上年结转 cannot be checked against it.");
            }
            return;
        }
        if (now.applications != null && before.applications != null) {
            carryOver(c, now.applications, before.applications);
            swing(c, "applications.rows.newReceived[6]", before.applications.cell(Applications.NEW_RECEIVED, Applications.TOTAL),
                    now.applications.cell(Applications.NEW_RECEIVED, Applications.TOTAL));
        }
        if (now.active != null && before.active != null) {
            if (now.format.has2021ActiveTable() && before.format.has2021ActiveTable()) {
                stock(c, now.active, before.active);
            }
            if (now.format == ReportFormat.F2019 && before.format == ReportFormat.F2019) {
                items(c, now.active, before.active);
            }
            for (String row : List.of("licensing", "penalty")) {
                swing(c, "active." + row + ".decisions", whole(before.active.get(row, "decisions")), whole(now.active.get(row, "decisions")));
            }
        }
        if (before.format.has2021ActiveTable() && now.format == ReportFormat.F2019) {
            c.warning("F-04", List.of("format"), before.format.json(), now.format.json(),
                    "上一年度已使用2021年版格式，本年度又退回2019年试行格式。",
                    "Last year's report used the 2021 format; this one went back to the 2019 trial format.");
        }
    }

    /** F-01: 二、上年结转 (year N) equals 四、结转下年度继续办理 (year N−1), column by column. */
    private static void carryOver(Check c, Applications now, Applications before) {
        for (int col = 0; col < 7; col++) {
            long carriedIn = Cells.value(now, Applications.CARRIED_OVER, col);
            long carriedOut = Cells.value(before, Applications.CARRIED_FORWARD, col);
            if (carriedIn != carriedOut && !c.unread(Cells.path(Applications.CARRIED_OVER, col))
                    && !c.previousUnread.has(Cells.path(Applications.CARRIED_FORWARD, col))) {
                c.error("F-01", List.of(Cells.path(Applications.CARRIED_OVER, col)), carriedOut, carriedIn,
                        "“" + Cells.COLUMN_ZH[col] + "”列：上年结转（" + carriedIn + "）应等于上一年度报告的结转下年度继续办理（" + carriedOut + "）。",
                        "Column " + Applications.COLUMNS.get(col) + ": carried over (" + carriedIn
                                + ") must equal last year's carried forward (" + carriedOut + ").");
            }
        }
    }

    /** F-02: 现行有效 (N) = 现行有效 (N−1) + 本年制发 − 本年废止. */
    private static void stock(Check c, ActiveDisclosure now, ActiveDisclosure before) {
        for (String row : List.of("rules", "normativeDocuments")) {
            BigDecimal previous = before.get(row, "inForce");
            BigDecimal issued = now.get(row, "issued");
            BigDecimal repealed = now.get(row, "repealed");
            BigDecimal inForce = now.get(row, "inForce");
            if (previous == null || issued == null || repealed == null || inForce == null) {
                continue;
            }
            BigDecimal expected = previous.add(issued).subtract(repealed);
            if (expected.compareTo(inForce) != 0) {
                c.warning("F-02", List.of("active." + row + ".inForce"), expected, inForce,
                        "“" + row + "”现行有效件数（" + inForce + "）不等于上年现行有效（" + previous + "）加本年制发（" + issued + "）减本年废止（" + repealed + "）。",
                        row + " in force (" + inForce + ") differs from last year's " + previous + " + issued " + issued
                                + " − repealed " + repealed + " = " + expected + ".");
            }
        }
    }

    /** F-03: 上一年项目数量 (N) = 上一年项目数量 (N−1) + 本年增/减 (N−1). */
    private static void items(Check c, ActiveDisclosure now, ActiveDisclosure before) {
        for (String row : List.of("licensing", "otherServices", "penalty", "coercion", "fees")) {
            BigDecimal items = now.get(row, "previousItems");
            BigDecimal lastItems = before.get(row, "previousItems");
            BigDecimal lastChange = before.get(row, "change");
            if (items == null || lastItems == null || lastChange == null) {
                continue;
            }
            BigDecimal expected = lastItems.add(lastChange);
            if (expected.compareTo(items) != 0) {
                c.warning("F-03", List.of("active." + row + ".previousItems"), expected, items,
                        "“" + row + "”上一年项目数量（" + items + "）应等于上一年度报告的项目数量加增减（" + expected + "）。",
                        row + ": last year's items (" + items + ") should be last report's items plus its change (" + expected + ").");
            }
        }
    }

    /** F-05: a figure that changed more than the configured factor from last year. */
    private static void swing(Check c, String path, Long before, Long now) {
        if (before == null || now == null) {
            return;
        }
        double change = Math.abs(now - before) / (double) Math.max(1, before);
        if (change > c.config.swingFactor()) {
            c.info("F-05", List.of(path), before, now, "该数值较上一年度（" + before + "）变化很大（" + now + "），请核实口径或单位。",
                    "This figure changed sharply from last year (" + before + " → " + now + "); check the scope or the unit.");
        }
    }

    private static Long whole(BigDecimal v) {
        return v == null ? null : v.longValue();
    }
}
