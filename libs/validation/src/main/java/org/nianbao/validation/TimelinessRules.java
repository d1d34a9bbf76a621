package org.nianbao.validation;

import org.nianbao.model.IssuerType;

import org.nianbao.model.ReportFormat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Family A: publication deadline and year coherence. */
final class TimelinessRules {
    private static final Pattern STAT_PERIOD = Pattern.compile("(20\\d{2})\\s*年\\s*1\\s*月\\s*1\\s*日\\s*(?:起)?\\s*至\\s*(20\\d{2})\\s*年\\s*12\\s*月\\s*31\\s*日");
    private static final Pattern TITLE_YEAR = Pattern.compile("(20\\d{2})\\s*年");

    private TimelinessRules() {
    }

    static void check(Check c) {
        deadline(c);
        yearCoherence(c);
        metadataAgainstDocument(c);
        if (c.report.format == ReportFormat.UNKNOWN && c.report.applications == null && c.report.active == null) {
            c.info("A-04", List.of("extraction"), null, null,
                    "未能从报告中读出统计表格（可能是图片版），无法核对数据。",
                    "No statistical table could be read from the report (an image-only document?); its figures cannot be checked.");
        }
    }

    /** published by the deadline of the issuer type (unknown type: warning after 1-31, error after 3-31). */
    private static void deadline(Check c) {
        LocalDate pub = c.publishedOn();
        Integer year = c.year();
        if (pub == null || year == null) {
            return;
        }
        IssuerType type = c.metadata.issuerType();
        MonthDay due = type == null ? null : c.config.deadlines().get(type);
        if (due != null) {
            LocalDate deadline = due.atYear(year + 1);
            if (pub.isAfter(deadline)) {
                c.error("A-01", List.of("publishedOn"), deadline.toString(), pub.toString(),
                        "发布日期" + pub + "晚于" + type.chinese() + "的法定期限" + deadline + "。",
                        "Published on " + pub + ", after the " + type + " deadline of " + deadline + ".");
            }
            return;
        }
        LocalDate warn = c.config.unknownWarning().atYear(year + 1);
        LocalDate error = c.config.unknownError().atYear(year + 1);
        if (pub.isAfter(error)) {
            c.error("A-01", List.of("publishedOn"), error.toString(), pub.toString(),
                    "发布日期" + pub + "晚于所有发布主体的最迟期限" + error + "。",
                    "Published on " + pub + ", after the latest deadline for any issuer (" + error + ").");
        } else if (pub.isAfter(warn)) {
            c.warning("A-01", List.of("publishedOn"), warn.toString(), pub.toString(),
                    "发布日期" + pub + "晚于部门的期限" + warn + "；请注明发布主体类型（县级、设区的市级、省级政府可至更晚期限）。",
                    "Published on " + pub + ", after the department deadline " + warn
                            + "; give the issuer type (county, prefecture and province reports have later deadlines).");
        }
    }

    /** what the platform said (agency, year) against what the document says. */
    private static void metadataAgainstDocument(Check c) {
        String said = compact(c.metadata.agency());
        String printed = compact(c.report.agency);
        if (said != null && printed != null && !said.contains(printed) && !printed.contains(said)) {
            c.warning("A-05", List.of("agency"), c.metadata.agency(), c.report.agency,
                    "提交的机关名称“" + c.metadata.agency() + "”与报告中的“" + c.report.agency + "”不一致。",
                    "The agency submitted (" + c.metadata.agency() + ") differs from the one the report names (" + c.report.agency + ").");
        }
        if (c.metadata.year() != null && c.report.year != null && !c.metadata.year().equals(c.report.year)) {
            c.error("A-05", List.of("year"), c.metadata.year(), c.report.year,
                    "提交的报告年度" + c.metadata.year() + "与报告中的年度" + c.report.year + "不一致。",
                    "The year submitted (" + c.metadata.year() + ") differs from the report's year (" + c.report.year + ").");
        }
    }

    private static String compact(String s) {
        return s == null || s.isBlank() ? null : s.replaceAll("\\s+", "");
    }

    /** the title's year, the stated statistics period and the publication year agree with year N. */
    private static void yearCoherence(Check c) {
        Integer year = c.year();
        if (year == null) {
            return;
        }
        if (c.report.title != null) {
            Matcher m = TITLE_YEAR.matcher(c.report.title);
            if (m.find() && Integer.parseInt(m.group(1)) != year) {
                c.error("A-02", List.of("title", "year"), year, Integer.parseInt(m.group(1)),
                        "标题中的年份" + m.group(1) + "与报告年度" + year + "不一致。",
                        "The title's year " + m.group(1) + " differs from the report year " + year + ".");
            }
        }
        String text = String.join("\n", c.report.sections.overview == null ? "" : c.report.sections.overview,
                c.report.title == null ? "" : c.report.title);
        Matcher period = STAT_PERIOD.matcher(text);
        if (period.find() && (Integer.parseInt(period.group(1)) != year || Integer.parseInt(period.group(2)) != year)) {
            c.error("A-02", List.of("sections.overview"), year + "-01-01…" + year + "-12-31",
                    period.group(1) + "-01-01…" + period.group(2) + "-12-31",
                    "统计期限应为" + year + "年1月1日至12月31日。",
                    "The statistics period must be 1 January to 31 December " + year + ".");
        }
        LocalDate pub = c.publishedOn();
        if (pub != null && pub.getYear() != year + 1) {
            c.warning("A-02", List.of("publishedOn"), year + 1, pub.getYear(),
                    "发布日期" + pub + "不在报告年度的次年（" + (year + 1) + "年）。",
                    "The publication date " + pub + " is not in the year after the report year (" + (year + 1) + ").");
        }
    }
}
