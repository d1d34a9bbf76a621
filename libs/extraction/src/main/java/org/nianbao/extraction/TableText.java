package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Brings the table layouts of extracted text to one form: one table row per line, cells separated by
 * tabs ({@link Layout#TABS}), or leaves text whose cells are only separated by layout spaces
 * ({@link Layout#SPACES}, as {@code pdftotext -layout} and flattened web text give it).
 */
final class TableText {

    enum Layout { TABS, SPACES }

    record Normalised(String text, Layout layout) {
    }

    private TableText() {
    }

    static Normalised normalise(String region) {
        if (ReportParser.count(region, '|') >= 15) {
            return new Normalised(fromPipes(region), Layout.TABS);
        }
        List<String> lines = region.lines().toList();
        int cellPerLine = 0;
        int multiTab = 0;
        boolean wideTabRow = false;
        for (String line : lines) {
            int tabs = ReportParser.count(line, '\t');
            if (tabs == 1 && line.startsWith("\t")) {
                cellPerLine++;
            }
            if (tabs >= 2) {
                multiTab++;
            }
            wideTabRow |= tabs >= 6;
        }
        if (cellPerLine >= 10 && cellPerLine > multiTab * 2) {
            return new Normalised(fromCellPerLine(lines), Layout.TABS);
        }
        if (multiTab >= 3 || wideTabRow) {
            return new Normalised(region, Layout.TABS);
        }
        return new Normalised(region, Layout.SPACES);
    }

    /** Markdown-like pipe tables: rows start with '|', end with a line of pipes; cells may span lines. */
    private static String fromPipes(String region) {
        StringBuilder out = new StringBuilder();
        StringBuilder row = null;
        for (String line : region.lines().toList()) {
            String t = line.strip();
            boolean rowStart = line.startsWith("|") && (t.equals("|") || !t.chars().allMatch(c -> c == '|'));
            boolean terminator = !rowStart && !t.isEmpty() && t.chars().allMatch(c -> c == '|');
            if (row == null) {
                if (rowStart || t.startsWith("|") && !terminator) {
                    row = new StringBuilder(line).append('\n');
                } else if (!terminator) {
                    out.append(line).append('\n');
                }
                continue;
            }
            if (terminator || rowStart || !t.isEmpty() && !t.contains("|")) {
                out.append(pipeRow(row.toString())).append('\n');
                row = rowStart ? new StringBuilder(line).append('\n') : null;
                if (!terminator && !rowStart) {
                    out.append(line).append('\n');
                }
            } else {
                row.append(line).append('\n');
            }
        }
        if (row != null) {
            out.append(pipeRow(row.toString())).append('\n');
        }
        return out.toString();
    }

    private static String pipeRow(String row) {
        String s = row.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        List<String> cells = new ArrayList<>(List.of(s.split("\\|", -1)));
        if (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        return String.join("\t", cells.stream().map(TableText::oneLine).toList());
    }

    /** DOCX-like text: a cell per line starting with a tab, continuation lines without, rows between blank lines. */
    private static String fromCellPerLine(List<String> lines) {
        StringBuilder out = new StringBuilder();
        List<StringBuilder> cells = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                flush(out, cells);
            } else if (line.startsWith("\t")) {
                cells.add(new StringBuilder(line.substring(1)));
            } else if (cells.isEmpty()) {
                out.append(line).append('\n');
            } else {
                StringBuilder cell = cells.get(cells.size() - 1);
                // a label broken over lines joins up; digits on both sides stay apart, so a number is never
                // made of two ("89188339.32" then "8" is unreadable, not 89188339.328)
                if (!cell.isEmpty() && Character.isDigit(cell.charAt(cell.length() - 1)) && Character.isDigit(line.charAt(0))) {
                    cell.append(' ');
                }
                cell.append(line);
            }
        }
        flush(out, cells);
        return out.toString();
    }

    private static void flush(StringBuilder out, List<StringBuilder> cells) {
        if (!cells.isEmpty()) {
            out.append(String.join("\t", cells.stream().map(c -> oneLine(c.toString())).toList())).append('\n');
            cells.clear();
        }
    }

    private static String oneLine(String cell) {
        return cell.replace('\t', ' ').replace('\n', ' ').strip();
    }
}
