package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rows of one table from normalised text: finds each row's label in template order, then the
 * row's cells after it. A row whose cells cannot be placed with certainty is reported, never guessed.
 */
final class RowReader {
    static final Pattern PAGE_NUMBER = Pattern.compile("^[-—–－]\\s*\\d+\\s*[-—–－]$|^第\\d+页.*");
    private static final Pattern TRAILING_DIGITS = Pattern.compile("[^\\d\\s.、]\\s+(\\d+)\\s*$");
    private static final Pattern ORDINAL = Pattern.compile("^\\d+[.、．]$");

    /** The cells read for each row key, and what could not be read. */
    record Rows(Map<String, List<CellValue>> cells, List<String> problems, List<String> missing) {
    }

    private final TableText.Normalised table;
    private final String compact;
    private final int[] original;

    RowReader(TableText.Normalised table) {
        this.table = table;
        String text = table.text();
        StringBuilder c = new StringBuilder(text.length());
        int[] map = new int[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (!Character.isWhitespace(ch) && ch != '\u3000' && ch != '\u00A0') {
                map[c.length()] = i;
                c.append(normaliseLabelChar(ch));
            }
        }
        map[c.length()] = text.length();
        this.compact = c.toString();
        this.original = map;
    }

    /** Where a label first occurs at or after {@code from} (original offsets), or null. */
    int[] find(Pattern label, int from) {
        int start = compactIndex(from);
        Matcher m = label.matcher(compact);
        if (!m.find(start)) {
            return null;
        }
        int end = m.end() == 0 ? 0 : original[m.end() - 1] + 1;
        return new int[]{original[m.start()], end};
    }

    private int compactIndex(int originalOffset) {
        int lo = 0;
        int hi = compact.length();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (original[mid] < originalOffset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Reads the rows, in order, from {@code from}. {@code totalColumnMissing}: the header has no 总计, so a
     * 7-value row may show 6. {@code identity}: what a row's values satisfy, to split digit runs (null: none).
     */
    Rows read(List<RowSpec> specs, int from, boolean totalColumnMissing, Predicate<List<Long>> identity) {
        List<int[]> found = new ArrayList<>();
        int cursor = from;
        for (RowSpec spec : specs) {
            int[] at = find(spec.label(), cursor);
            found.add(at);
            if (at != null) {
                cursor = at[1];
            }
        }
        Map<String, List<CellValue>> cells = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            RowSpec spec = specs.get(i);
            int[] at = found.get(i);
            if (spec.values() == 0) {
                continue;
            }
            if (at == null) {
                missing.add(spec.key());
                continue;
            }
            int next = table.text().length();
            for (int j = i + 1; j < specs.size(); j++) {
                if (found.get(j) != null) {
                    next = found.get(j)[0];
                    break;
                }
            }
            String segment = table.text().substring(at[1], Math.max(at[1], next));
            List<CellValue> values = table.layout() == TableText.Layout.TABS
                    ? tabCells(segment, spec.values(), totalColumnMissing, identity)
                    : spaceCells(segment, spec.values(), identity);
            if (values == null) {
                problems.add(spec.key());
            } else {
                cells.put(spec.key(), values);
            }
        }
        return new Rows(cells, problems, missing);
    }

    /** Cells on the label's line, separated by tabs; extra leading blanks are merged label cells. */
    static List<CellValue> tabCells(String segment, int n, boolean totalColumnMissing, Predicate<List<Long>> identity) {
        int eol = segment.indexOf('\n');
        String line = eol < 0 ? segment : segment.substring(0, eol);
        String[] pieces = line.split("\t", -1);
        List<CellValue> fields = new ArrayList<>();
        Matcher trailing = TRAILING_DIGITS.matcher(pieces[0]);
        if (trailing.find()) {
            fields.add(CellValue.parse(trailing.group(1))); // flattened text: the row's digits follow the label
        }
        for (int i = 1; i < pieces.length; i++) {
            fields.add(CellValue.parse(pieces[i]));
        }
        if (!fields.isEmpty() && pieces.length > 1 && pieces[pieces.length - 1].isBlank() && fields.size() > n) {
            fields.remove(fields.size() - 1);
        }
        if (totalColumnMissing && n == 7) {
            List<CellValue> tail = trailingFilled(fields);
            if (tail.size() == 6 && fields.size() <= 7) {
                List<CellValue> six = new ArrayList<>(tail);
                six.add(CellValue.parse(""));
                return six;
            }
        }
        if (fields.size() == n) {
            return fields;
        }
        if (fields.size() > n) {
            List<CellValue> extra = fields.subList(0, fields.size() - n);
            if (extra.stream().allMatch(CellValue::isBlank)) {
                return new ArrayList<>(fields.subList(fields.size() - n, fields.size()));
            }
            List<CellValue> after = fields.subList(n, fields.size());
            if (after.stream().allMatch(CellValue::isBlank)) {
                return new ArrayList<>(fields.subList(0, n));
            }
            return null;
        }
        List<CellValue> numbers = fields.stream().filter(CellValue::isNumber).toList();
        if (numbers.size() == 1 && identity != null) {
            return DigitRuns.split(CellValue.normalise(numbers.get(0).raw()), n, identity);
        }
        if (fields.stream().allMatch(CellValue::isBlank)) {
            List<CellValue> blanks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                blanks.add(CellValue.parse(""));
            }
            return blanks;
        }
        return null;
    }

    private static List<CellValue> trailingFilled(List<CellValue> fields) {
        int first = 0;
        while (first < fields.size() && fields.get(first).isBlank()) {
            first++;
        }
        List<CellValue> tail = fields.subList(first, fields.size());
        return tail.stream().allMatch(CellValue::isNumber) ? tail : List.of();
    }

    /**
     * Cells separated by layout spaces: the numbers and placeholders after the label. When the row's
     * digits run together, the one split satisfying {@code identity} is taken; none or several: unreadable.
     */
    static List<CellValue> spaceCells(String segment, int n, Predicate<List<Long>> identity) {
        List<CellValue> values = new ArrayList<>();
        for (String token : segment.split("[\\s\u3000]+")) {
            if (token.isEmpty() || PAGE_NUMBER.matcher(token).matches() || ORDINAL.matcher(token).matches()) {
                continue;
            }
            CellValue v = CellValue.parse(token);
            if (v.isNumber() || v.isBlank()) {
                values.add(v);
            }
        }
        if (values.size() == n) {
            return values;
        }
        if (values.size() == 1 && values.get(0).isNumber() && identity != null) {
            return DigitRuns.split(CellValue.normalise(values.get(0).raw()), n, identity);
        }
        return null;
    }

    /** A part 三 row: the six applicant columns add up to the total. */
    static boolean rowTotalHolds(List<Long> row) {
        long sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += row.get(i);
        }
        return sum == row.get(6);
    }

    private static char normaliseLabelChar(char c) {
        return switch (c) {
            case '（' -> '(';
            case '）' -> ')';
            case '．' -> '.';
            case '，' -> ',';
            default -> c;
        };
    }
}
