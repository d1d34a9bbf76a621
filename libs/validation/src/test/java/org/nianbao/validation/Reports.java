package org.nianbao.validation;

import org.junit.jupiter.api.Assumptions;
import org.nianbao.extraction.ReportExtractor;
import org.nianbao.model.ActiveDisclosure;
import org.nianbao.model.Applications;
import org.nianbao.model.Finding;
import org.nianbao.model.Report;
import org.nianbao.model.ReportFormat;
import org.nianbao.model.ReviewLitigation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reports for the rule tests: a clean 2021 report built by hand, and corpus reports read by the extractor. */
final class Reports {
    private Reports() {
    }

    /**
     * A clean 2021 report: 10 applications received, 2 carried over; 8 granted, 2 partly, 1 other
     * (逾期不补正); 11 processed, 1 carried forward; one review upheld.
     */
    static Report clean2021() {
        Report r = new Report();
        r.format = ReportFormat.F2021;
        r.title = "某某市人民政府2023年政府信息公开工作年度报告";
        r.agency = "某某市人民政府";
        r.year = 2023;
        r.sections.overview = "2023年，本机关做好主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障工作。"
                + "全年收到政府信息公开申请10件。";
        r.sections.activeDisclosure = "";
        r.sections.applications = "";
        r.sections.reviewLitigation = "";
        r.sections.problems = "存在的主要问题：一是公开内容的解读不够深入，二是政务新媒体更新不够及时。改进措施：2024年我们将加强政策解读，"
                + "建立政务新媒体定期巡查制度，完善信息发布审核流程，提升公开质量。";
        r.sections.other = "2023年，本机关未收取信息处理费。";
        r.active = ActiveDisclosure.blank(ReportFormat.F2021);
        set(r.active, "rules", "0", "0", "3");
        set(r.active, "normativeDocuments", "5", "2", "40");
        r.active.set("licensing", "decisions", new BigDecimal("120"));
        r.active.set("penalty", "decisions", new BigDecimal("30"));
        r.active.set("coercion", "decisions", new BigDecimal("2"));
        r.active.set("fees", "amountWanYuan", new BigDecimal("12.5"));
        r.applications = Applications.blank(true);
        r.applications.rows.replaceAll((k, v) -> zeros());
        row(r, "newReceived", 9, 1, 10);
        row(r, "carriedOver", 2, 0, 2);
        row(r, "granted", 7, 1, 8);
        row(r, "partiallyGranted", 2, 0, 2);
        row(r, "other.overdueCorrection", 1, 0, 1);
        row(r, "totalProcessed", 10, 1, 11);
        row(r, "carriedForward", 1, 0, 1);
        r.reviewLitigation = new ReviewLitigation();
        r.reviewLitigation.review = new ReviewLitigation.Group(1L, 0L, 0L, 0L, 1L);
        r.reviewLitigation.litigationDirect = new ReviewLitigation.Group(0L, 0L, 0L, 0L, 0L);
        r.reviewLitigation.litigationAfterReview = new ReviewLitigation.Group(0L, 0L, 0L, 0L, 0L);
        r.extraction.inputType = "text";
        return r;
    }

    static List<Long> zeros() {
        return Arrays.asList(0L, 0L, 0L, 0L, 0L, 0L, 0L);
    }

    /** Sets a part 三 row: natural persons, commercial companies, total (other columns 0). */
    static void row(Report r, String key, long naturalPerson, long commercial, long total) {
        r.applications.rows.put(key, Arrays.asList(naturalPerson, commercial, 0L, 0L, 0L, 0L, total));
    }

    static void set(ActiveDisclosure a, String row, String... values) {
        List<String> cells = ActiveDisclosure.ROWS_2021.get(row);
        for (int i = 0; i < values.length; i++) {
            a.set(row, cells.get(i), values[i] == null ? null : new BigDecimal(values[i]));
        }
    }

    /** Leaves a cell blank (null), by its model path: applications.rows.R[i], reviewLitigation.G.C or active.R.C. */
    static Report blank(Report r, String path) {
        Matcher m = Pattern.compile("applications\\.rows\\.(.+)\\[(\\d)]").matcher(path);
        String[] p = path.split("\\.");
        if (m.matches()) {
            r.applications.rows.get(m.group(1)).set(Integer.parseInt(m.group(2)), null);
        } else if (p[0].equals("active")) {
            r.active.set(p[1], p[2], null);
        } else {
            ReviewLitigation.Group g = r.reviewLitigation.groups().get(p[1]);
            Long[] cells = g.cells();
            cells[ReviewLitigation.Group.CELLS.indexOf(p[2])] = null;
            ReviewLitigation.Group blanked = ReviewLitigation.Group.of(cells);
            switch (p[1]) {
                case "review" -> r.reviewLitigation.review = blanked;
                case "litigationDirect" -> r.reviewLitigation.litigationDirect = blanked;
                default -> r.reviewLitigation.litigationAfterReview = blanked;
            }
        }
        return r;
    }

    /** What the reader does with what it cannot read: the cells left null, the problem recorded on {@code problemPath}. */
    static Report unread(Report r, String problemPath, String... cells) {
        for (String cell : cells) {
            blank(r, cell);
        }
        r.extraction.problem(problemPath, "Could not be read with certainty.");
        return r;
    }

    static Report seed(String name) {
        try (InputStream in = Reports.class.getResourceAsStream("/seeds/" + name + ".txt")) {
            return new ReportExtractor().extract(in.readAllBytes(), name + ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real report of ../shared/corpus/real, read from its PDF text; skipped where the corpus is absent. */
    static Report real(String name) {
        return shared("real/" + name + ".pdf.txt");
    }

    /** A file of ../shared/corpus read by the extractor, e.g. "real/flattened/…txt"; skipped where the corpus is absent. */
    static Report shared(String relative) {
        Path file = Path.of(System.getProperty("nianbao.shared", "../../../shared"), "corpus").resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is not here (the shared corpus lives beside the clone in CI)");
        try {
            return new ReportExtractor().extract(Files.readAllBytes(file), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }
}
