package org.nianbao.publication.review;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.nianbao.publication.review.ProblemList.Cell;
import org.nianbao.publication.review.ProblemList.Problem;
import org.nianbao.publication.review.ProblemList.State;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@link ProblemList} as an XLSX workbook (Apache POI): sheet "问题清单" with one row per problem, and sheet "汇总"
 * with the open and resolved counts per agency and a total row.
 * <p>
 * A problem resting on several cells stays one row: its cells are listed in the 表格, 行 and 列 columns joined with
 * "；", position by position (the i-th row goes with the i-th column); each column names a table, row or column once when all the
 * cells are in the same one.
 */
public final class ProblemWorkbook {
    /** The header of the "问题清单" sheet. */
    public static final List<String> COLUMNS = List.of("序号", "单位", "区划代码", "报告", "规则", "严重程度", "表格", "行",
            "列", "报告所列", "应为", "问题说明", "状态", "首次出现", "改正于", "确认人", "确认说明", "确认时间");
    /** Column widths in characters, in the order of {@link #COLUMNS}. */
    private static final int[] WIDTHS = {6, 24, 12, 36, 10, 10, 30, 24, 18, 12, 12, 48, 8, 10, 10, 10, 30, 18};
    /** The separator of several cells' tables, rows or columns. */
    static final String JOIN = "；";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private ProblemWorkbook() {
    }

    public static byte[] write(ProblemList list) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet sheet = book.createSheet("问题清单");
            header(sheet, COLUMNS, bold);
            for (int c = 0; c < WIDTHS.length; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            int n = 0;
            for (Problem p : list.problems()) {
                n++;
                Row row = sheet.createRow(n);
                row.createCell(0).setCellValue(n);
                List<String> texts = List.of(text(p.agency()), text(p.regionCode()),
                        text(p.reportTitle() != null ? p.reportTitle() : p.reportId()), text(p.rule()), severity(p.severity()),
                        tables(p), rows(p), columns(p), text(p.says()), text(p.shouldSay()), text(p.message()), state(p.state()),
                        "第" + p.since() + "版", p.resolvedIn() == null ? "" : "第" + p.resolvedIn() + "版",
                        text(p.reviewer()), text(p.reason()), time(p.confirmedAt()));
                for (int c = 0; c < texts.size(); c++) {
                    row.createCell(c + 1).setCellValue(texts.get(c));
                }
            }

            Sheet summary = book.createSheet("汇总");
            header(summary, List.of("单位", "未改正", "已改正"), bold);
            summary.setColumnWidth(0, 30 * 256);
            summary.setColumnWidth(1, 10 * 256);
            summary.setColumnWidth(2, 10 * 256);
            Map<String, int[]> counts = new LinkedHashMap<>(); // agency key → {open, resolved}, in the list's order
            Map<String, String> names = new LinkedHashMap<>();
            for (Problem p : list.problems()) {
                String key = p.agencyKey() != null ? p.agencyKey() : text(p.agency());
                names.putIfAbsent(key, text(p.agency()));
                counts.computeIfAbsent(key, a -> new int[2])[p.state() == State.RESOLVED ? 1 : 0]++;
            }
            int r = 0;
            int[] total = new int[2];
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                summaryRow(summary, ++r, names.get(e.getKey()), e.getValue(), null);
                total[0] += e.getValue()[0];
                total[1] += e.getValue()[1];
            }
            summaryRow(summary, ++r, "合计", total, bold);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 表格 text of a problem: its cells' tables joined with "；", or the one table they all share; "" without cells. */
    static String tables(Problem p) {
        return joined(cells(p, Cell::table));
    }

    /** The 行 text of a problem: its cells' rows joined with "；", or the one row they all share; "" without cells. */
    static String rows(Problem p) {
        return joined(cells(p, Cell::row));
    }

    /** The 列 text of a problem: its cells' columns joined with "；", or the one column they all share; "" without cells. */
    static String columns(Problem p) {
        return joined(cells(p, Cell::column));
    }

    private static String joined(List<String> parts) {
        return parts.stream().distinct().count() == 1 ? parts.get(0) : String.join(JOIN, parts);
    }

    private static List<String> cells(Problem p, Function<Cell, String> part) {
        return p.cells() == null ? List.of()
                : p.cells().stream().filter(Objects::nonNull).map(part).map(ProblemWorkbook::text).collect(Collectors.toList());
    }

    /** ERROR → 错误, WARNING → 警告, INFO → 提示, anything else as given. */
    static String severity(String severity) {
        if (severity == null) {
            return "";
        }
        return switch (severity) {
            case "ERROR" -> "错误";
            case "WARNING" -> "警告";
            case "INFO" -> "提示";
            default -> severity;
        };
    }

    static String state(State state) {
        return state == State.RESOLVED ? "已改正" : state == State.OPEN ? "未改正" : "";
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static void header(Sheet sheet, List<String> names, CellStyle bold) {
        Row header = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            org.apache.poi.ss.usermodel.Cell cell = header.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void summaryRow(Sheet sheet, int r, String agency, int[] counts, CellStyle style) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(agency);
        row.createCell(1).setCellValue(counts[0]);
        row.createCell(2).setCellValue(counts[1]);
        if (style != null) {
            row.forEach(c -> c.setCellStyle(style));
        }
    }
}
