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
    private static final Pattern WRAPPED_DIGITS = Pattern.compile("\\d[\\d,.]*(\\s+[\\d,.]+)+");
    private static final Pattern ORDINAL = Pattern.compile("^\\d+[.、．]$");
    private static final Pattern TRAILING_ORDINAL = Pattern.compile("\\d[.、．][^\\d]*$");
    /** A blank cell's placeholder, not a slash between words ("本年增/减"). */
    private static final String PLACEHOLDER = "(?<!\\p{IsHan})[/／—–―]|[/／—–―](?!\\p{IsHan})";
    private static final String NUMBER = "(?:增加|减少|增|减|[+\\-−－])?[\\d０-９][\\d０-９,，.．]*(?:万元|元|件|个|项|次|条|家|人次|%)?";
    private static final Pattern NUMBER_TOKEN = Pattern.compile(NUMBER + "|" + PLACEHOLDER);
    /** Numbers and placeholders standing together, separated at most by spaces. */
    private static final Pattern NUMBER_GROUP = Pattern.compile(
            "(?:" + NUMBER + "|" + PLACEHOLDER + ")(?:[\\s\u3000]*(?:" + NUMBER + "|" + PLACEHOLDER + "))*");

    /**
     * For each row found, the readings its text allows (one: read; several: the table's identities must choose;
     * none: unplaceable; null: too many to tell), and the rows whose label was not found.
     */
    record Rows(Map<String, List<List<CellValue>>> readings, List<String> missing) {
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

    /** How the text separates a row's cells. */
    enum Boundaries {
        /** By tabs or layout spaces. */
        WRITTEN,
        /** Not at all (a crawler's page text): a digit run may hold several cells; every cell holds a number. */
        LOST,
        /** Not at all, and the document leaves cells empty, which leaves no trace: any cell may be blank. */
        LOST_WITH_BLANKS;

        boolean blanksPossible() {
            return this == LOST_WITH_BLANKS;
        }
    }

    /**
     * Reads the rows, in order, from {@code from}. {@code totalColumnMissing}: the header has no 总计, so a
     * 7-value row may show 6. {@code identity}: what each row's values satisfy (null: nothing), used to keep
     * only the readings of a digit run that can be true.
     */
    Rows read(List<RowSpec> specs, int from, boolean totalColumnMissing, Predicate<List<Long>> identity, Boundaries boundaries) {
        Map<RowSpec, String> segments = new LinkedHashMap<>();
        List<String> missing = segments(specs, from, segments);
        Map<String, List<List<CellValue>>> readings = new LinkedHashMap<>();
        segments.forEach((spec, segment) -> readings.put(spec.key(), switch (boundaries) {
            case LOST, LOST_WITH_BLANKS -> flatReadings(segment, spec.values(), identity, boundaries.blanksPossible());
            case WRITTEN -> table.layout() == TableText.Layout.TABS ? tabCells(segment, spec.values(), totalColumnMissing, identity)
                    : spaceCells(segment, spec.values(), identity);
        }));
        return new Rows(readings, missing);
    }

    /** In text whose cell boundaries are lost: whether a row found has fewer digits than cells (empty cells). */
    boolean hasShortRow(List<RowSpec> specs, int from) {
        Map<RowSpec, String> segments = new LinkedHashMap<>();
        segments(specs, from, segments);
        return segments.entrySet().stream().anyMatch(e -> {
            List<String> tokens = flatTokens(e.getValue());
            return tokens != null && RowCandidates.maxCells(tokens) < e.getKey().values();
        });
    }

    /** Each row's text between its label and the next label found; returns the rows whose label was not found. */
    private List<String> segments(List<RowSpec> specs, int from, Map<RowSpec, String> out) {
        List<int[]> found = new ArrayList<>();
        int cursor = from;
        for (RowSpec spec : specs) {
            int[] at = find(spec.label(), cursor);
            found.add(at);
            if (at != null) {
                cursor = at[1];
            }
        }
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
            out.put(spec, table.text().substring(at[1], Math.max(at[1], next)));
        }
        return missing;
    }

    /** Cells on the label's line, separated by tabs; extra leading blanks are merged label cells. */
    static List<List<CellValue>> tabCells(String segment, int n, boolean totalColumnMissing, Predicate<List<Long>> identity) {
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
                return List.of(six);
            }
        }
        if (fields.size() == n) {
            return List.of(joinWrapped(fields, identity));
        }
        if (fields.size() > n) {
            List<CellValue> extra = fields.subList(0, fields.size() - n);
            if (extra.stream().allMatch(CellValue::isBlank)) {
                return List.of(List.copyOf(fields.subList(fields.size() - n, fields.size())));
            }
            List<CellValue> after = fields.subList(n, fields.size());
            if (after.stream().allMatch(CellValue::isBlank)) {
                return List.of(List.copyOf(fields.subList(0, n)));
            }
            return List.of();
        }
        List<CellValue> numbers = fields.stream().filter(CellValue::isNumber).toList();
        if (numbers.size() == 1 && identity != null) {
            return RowCandidates.of(List.of(numbers.get(0).raw()), n, identity); // one cell holding the row's digit run
        }
        if (fields.stream().allMatch(CellValue::isBlank)) {
            List<CellValue> blanks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                blanks.add(CellValue.parse(""));
            }
            return List.of(blanks);
        }
        return List.of();
    }

    /**
     * A number a narrow cell wrapped over two lines ("11 6" for 116) is kept apart by the readers, since a
     * stray mark cannot be told from a wrapped digit. It is joined only where the row's identity, with every
     * other cell read, confirms the joined number; otherwise the cell stays unreadable.
     */
    static List<CellValue> joinWrapped(List<CellValue> cells, Predicate<List<Long>> identity) {
        if (identity == null || cells.stream().noneMatch(c -> WRAPPED_DIGITS.matcher(c.raw().strip()).matches())) {
            return cells;
        }
        List<CellValue> joined = cells.stream().map(c -> WRAPPED_DIGITS.matcher(c.raw().strip()).matches()
                ? CellValue.parse(c.raw().replaceAll("\\s+", "")) : c).toList();
        if (joined.stream().anyMatch(c -> c.count() == null && !c.isBlank())) {
            return cells;
        }
        return identity.test(joined.stream().map(c -> c.isBlank() ? 0L : c.count()).toList()) ? joined : cells;
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
     * Cells separated by layout spaces: the numbers and placeholders after the label. A single digit run
     * (the row's cells run together) is split by the row's identity; otherwise each token is one cell.
     */
    static List<List<CellValue>> spaceCells(String segment, int n, Predicate<List<Long>> identity) {
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
            return List.of(values);
        }
        if (values.size() == 1 && values.get(0).isNumber() && identity != null) {
            return RowCandidates.of(List.of(values.get(0).raw()), n, identity);
        }
        return List.of();
    }

    /**
     * A row of flattened text: the label's row ends where the next label begins, so a trailing ordinal belongs
     * to the next row. The row's numbers must stand together: digits scattered through text mean a row was
     * missed, and nothing is read.
     */
    static List<List<CellValue>> flatReadings(String segment, int n, Predicate<List<Long>> identity, boolean blanksPossible) {
        List<String> tokens = flatTokens(segment);
        return tokens == null ? List.of() : RowCandidates.of(tokens, n, identity, blanksPossible);
    }

    /** The row's numbers and placeholders ("0+5246": a sign starts a cell), or null when they do not stand together. */
    static List<String> flatTokens(String segment) {
        // "…00000002.属于" before the label "国家秘密…": "2." is the next row's ordinal
        String s = TRAILING_ORDINAL.matcher(segment).replaceFirst("");
        Matcher group = NUMBER_GROUP.matcher(s);
        if (!group.find()) {
            return List.of();
        }
        String numbers = group.group().strip();
        if (group.find()) {
            return null;
        }
        List<String> tokens = new ArrayList<>();
        Matcher token = NUMBER_TOKEN.matcher(numbers);
        while (token.find()) {
            tokens.add(token.group());
        }
        return tokens;
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
