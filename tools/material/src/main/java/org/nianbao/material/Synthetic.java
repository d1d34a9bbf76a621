package org.nianbao.material;

import org.nianbao.model.ActiveDisclosure;
import org.nianbao.model.Applications;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;
import org.nianbao.model.ReviewLitigation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Synthetic reports: random but realistic values that satisfy the official identities (part 三 row totals,
 * per column 一+二 = （七）总计 + 四, outcome rows summing to （七）总计; part 四 group totals), many zeros,
 * some large numbers and some blank cells. The same seed gives the same reports.
 */
final class Synthetic {
    private static final String[] PLACES = {"淮安市", "洪泽区", "定海区", "平潭综合实验区", "山海关区", "定州市", "舟山市", "盐城市亭湖区",
            "南京市江宁区", "苏州市", "宿迁市", "连云港市海州区", "福州市鼓楼区", "宁国市", "三明市"};
    private static final String[] BODIES = {"人民政府", "发展和改革局", "财政局", "公安局", "自然资源和规划局", "住房和城乡建设局",
            "市场监督管理局", "教育局", "卫生健康委员会", "生态环境局", "行政审批局", "交通运输局", "人力资源和社会保障局", "农业农村局",
            "商务局", "民政局", "司法局", "应急管理局"};

    private final Random rnd;

    Synthetic(long seed) {
        this.rnd = new Random(seed);
    }

    /** The {@code i}-th report: a format, values, narrative and a style. */
    Sample next(int i) {
        int kind = i % 12;
        ReportFormat format = kind < 5 ? ReportFormat.F2019 : kind < 11 ? ReportFormat.F2021 : ReportFormat.MIXED;
        int year = format == ReportFormat.F2019 ? 2019 + rnd.nextInt(2) : 2021 + rnd.nextInt(4);
        int scale = i % 8 == 6 ? 9 : rnd.nextInt(10); // 0–3 quiet, 4–7 small, 8 medium, 9 large; every 8th large
        Report r = new Report();
        r.format = format;
        r.year = year;
        r.agency = PLACES[rnd.nextInt(PLACES.length)] + BODIES[rnd.nextInt(BODIES.length)];
        r.title = r.agency + year + (rnd.nextBoolean() ? "年度" : "年") + "政府信息公开工作年度报告";
        r.publishedOn = LocalDate.of(year + 1, 1 + rnd.nextInt(3), 1 + rnd.nextInt(28));
        r.active = format.has2021ActiveTable() ? active2021(scale) : active2019(scale);
        r.applications = applications(format == ReportFormat.F2021, scale);
        r.reviewLitigation = reviewLitigation(scale);
        Style style = Style.random(rnd);
        if (i % 6 == 4 || rnd.nextInt(6) == 0) {
            blankZeros(r);
        }
        if (rnd.nextInt(4) == 0) {
            blankSomeActiveCells(r);
        }
        Narrative.fill(r, rnd, style);
        return new Sample(String.format("synthetic-%03d", i), r, style);
    }

    private ActiveDisclosure active2021(int scale) {
        ActiveDisclosure a = ActiveDisclosure.blank(ReportFormat.F2021);
        int rulesInForce = scale >= 8 ? rnd.nextInt(40) : 0;
        a.set("rules", "issued", n(Math.min(rulesInForce, rnd.nextInt(3))));
        a.set("rules", "repealed", n(scale >= 8 ? rnd.nextInt(3) : 0));
        a.set("rules", "inForce", n(rulesInForce));
        int docs = count(scale, 5, 40, 150);
        a.set("normativeDocuments", "issued", n(docs));
        a.set("normativeDocuments", "repealed", n(rnd.nextInt(docs / 2 + 1)));
        a.set("normativeDocuments", "inForce", n(docs + count(scale, 10, 80, 400)));
        a.set("licensing", "decisions", n(count(scale, 60, 5000, 500000)));
        a.set("penalty", "decisions", n(count(scale, 30, 3000, 4_000_000)));
        a.set("coercion", "decisions", n(count(scale, 5, 400, 90000)));
        a.set("fees", "amountWanYuan", money(scale, rnd.nextInt(7)));
        return a;
    }

    private ActiveDisclosure active2019(int scale) {
        ActiveDisclosure a = ActiveDisclosure.blank(ReportFormat.F2019);
        for (String row : List.of("rules", "normativeDocuments")) {
            int made = row.equals("rules") && scale < 8 ? 0 : count(scale, 5, 30, 120);
            a.set(row, "newlyMade", n(made));
            a.set(row, "newlyPublished", n(made - rnd.nextInt(made / 3 + 1)));
            a.set(row, "totalPublished", n(made + count(scale, 10, 60, 300)));
        }
        for (String row : List.of("licensing", "otherServices", "penalty", "coercion")) {
            int previous = count(scale, 30, 300, 2000);
            a.set(row, "previousItems", n(previous));
            a.set(row, "change", n(rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(previous / 2 + 5) - previous / 3));
            a.set(row, "decisions", n(count(scale, 40, 2000, 300000)));
        }
        a.set("fees", "previousItems", n(count(scale, 3, 10, 30)));
        a.set("fees", "change", n(rnd.nextInt(5) - 2));
        int projects = count(scale, 20, 200, 3000);
        a.set("procurement", "projects", n(projects));
        a.set("procurement", "amountYuan", projects == 0 ? BigDecimal.ZERO : money(9, 2).multiply(BigDecimal.valueOf(100)));
        return a;
    }

    private Applications applications(boolean split, int scale) {
        Applications a = Applications.blank(split);
        List<String> outcomes = Applications.outcomeKeys(split);
        long[][] cells = new long[Applications.rowKeys(split).size()][7];
        List<String> keys = Applications.rowKeys(split);
        for (int c = 0; c < 6; c++) {
            boolean used = c == 0 || c == 1 && scale >= 4 || c >= 2 && scale >= 8 && rnd.nextInt(3) == 0;
            if (!used || scale < 4) {
                continue;
            }
            long received = count(scale, c == 0 ? 15 : 3, c == 0 ? 300 : 40, c == 0 ? 3000 : 60);
            long carried = rnd.nextInt(3) == 0 ? rnd.nextInt((int) received / 5 + 2) : 0;
            long forward = rnd.nextInt(3) == 0 ? rnd.nextInt((int) (received + carried) / 4 + 1) : 0;
            long processed = received + carried - forward;
            cells[keys.indexOf(Applications.NEW_RECEIVED)][c] = received;
            cells[keys.indexOf(Applications.CARRIED_OVER)][c] = carried;
            cells[keys.indexOf(Applications.CARRIED_FORWARD)][c] = forward;
            cells[keys.indexOf(Applications.TOTAL_PROCESSED)][c] = processed;
            List<String> used2 = new ArrayList<>(List.of("granted"));
            for (int k = 0; k < 1 + rnd.nextInt(6); k++) {
                used2.add(outcomes.get(rnd.nextInt(outcomes.size())));
            }
            long left = processed;
            for (int k = 0; k < used2.size() && left > 0; k++) {
                long share = k == used2.size() - 1 ? left : rnd.nextLong(left + 1);
                cells[keys.indexOf(used2.get(k))][c] += share;
                left -= share;
            }
            cells[keys.indexOf("granted")][c] += left;
        }
        for (int row = 0; row < keys.size(); row++) {
            cells[row][6] = Arrays.stream(cells[row], 0, 6).sum();
            Long[] values = new Long[7];
            for (int c = 0; c < 7; c++) {
                values[c] = cells[row][c];
            }
            a.rows.put(keys.get(row), Arrays.asList(values));
        }
        return a;
    }

    private ReviewLitigation reviewLitigation(int scale) {
        ReviewLitigation rl = new ReviewLitigation();
        for (ReviewLitigation.Group g : rl.groups().values()) {
            long[] v = new long[4];
            for (int k = 0; k < 4; k++) {
                v[k] = scale >= 8 ? rnd.nextInt(k == 0 ? 80 : 20) : scale >= 4 && rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0;
            }
            g.upheld = v[0];
            g.corrected = v[1];
            g.other = v[2];
            g.pending = v[3];
            g.total = v[0] + v[1] + v[2] + v[3];
        }
        return rl;
    }

    /** Some agencies leave every zero of part 三 (and part 四) blank; what is printed is what the gold holds. */
    private static void blankZeros(Report r) {
        r.applications.rows.replaceAll((k, v) -> v.stream().map(x -> x != null && x == 0 ? null : x).toList());
        for (ReviewLitigation.Group g : r.reviewLitigation.groups().values()) {
            Long[] c = g.cells();
            for (int k = 0; k < 4; k++) {
                if (c[k] == 0) {
                    c[k] = null;
                }
            }
            g.upheld = c[0];
            g.corrected = c[1];
            g.other = c[2];
            g.pending = c[3];
        }
    }

    private void blankSomeActiveCells(Report r) {
        r.active.rows().forEach((row, cells) -> cells.replaceAll((k, v) -> v != null && v.signum() == 0 && rnd.nextBoolean() ? null : v));
    }

    /** A count on the report's scale: zero when quiet, up to {@code small}, {@code medium} or {@code large}. */
    private int count(int scale, int small, int medium, int large) {
        int bound = scale < 4 ? 1 : scale < 8 ? small : scale == 8 ? medium : large;
        return rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(bound + 1);
    }

    private BigDecimal money(int scale, int decimals) {
        if (scale < 8 && rnd.nextBoolean()) {
            return BigDecimal.ZERO;
        }
        double v = scale >= 8 ? rnd.nextDouble() * 100000 : rnd.nextDouble() * 50;
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
    }

    private static BigDecimal n(long v) {
        return BigDecimal.valueOf(v);
    }

    /** A report to render: its name, its values (the gold), its style. */
    record Sample(String name, Report report, Style style) {
    }
}
