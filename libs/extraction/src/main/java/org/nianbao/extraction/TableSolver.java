package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a whole table at once: each row comes with the readings its text allows, and the table's identities
 * (per column, the sum of some rows equals the sum of others) choose among them. A row is read only when
 * every assignment of the whole table that satisfies the identities gives it the same value; otherwise it
 * stays unread with the readings that remain. Nothing is preferred, nothing is guessed.
 */
final class TableSolver {
    /** Search steps before giving up on a table (its ambiguous rows then stay unread). */
    static final int MAX_STEPS = 2_000_000;

    /** Per column: the sum of the {@code left} rows equals the sum of the {@code right} rows. */
    record Identity(List<String> left, List<String> right) {
    }

    /** The rows read, and for each row left unread, the readings still possible (empty: none fits). */
    record Result(Map<String, List<CellValue>> cells, Map<String, List<List<CellValue>>> unread) {
    }

    private TableSolver() {
    }

    static Result solve(Map<String, List<List<CellValue>>> readings, List<Identity> identities) {
        Map<String, List<CellValue>> cells = new LinkedHashMap<>();
        Map<String, List<List<CellValue>>> unread = new LinkedHashMap<>();
        List<String> ambiguous = new ArrayList<>();
        readings.forEach((key, options) -> {
            if (options != null && options.size() == 1) {
                cells.put(key, options.get(0));
            } else if (options != null && options.size() > 1) {
                ambiguous.add(key);
            } else {
                unread.put(key, options == null ? List.of() : options);
            }
        });
        if (ambiguous.isEmpty()) {
            return new Result(cells, unread);
        }
        Search search = new Search(readings, identities, ambiguous);
        search.run(0);
        for (int v = 0; v < search.variables.size(); v++) {
            String key = search.variables.get(v); // the search's order (fewest readings first), which its seen sets follow
            List<List<CellValue>> options = readings.get(key);
            Set<Integer> seen = search.seen.get(v);
            if (!search.overflow && seen.size() == 1) {
                cells.put(key, options.get(seen.iterator().next()));
            } else if (!search.overflow && !search.stoppedEarly && !seen.isEmpty()) {
                unread.put(key, seen.stream().sorted().map(options::get).toList());
            } else {
                unread.put(key, options);
            }
        }
        Map<String, List<CellValue>> ordered = new LinkedHashMap<>();
        readings.keySet().stream().filter(cells::containsKey).forEach(k -> ordered.put(k, cells.get(k)));
        return new Result(ordered, unread);
    }

    /** One identity on one column, usable only where every row in it has a count (or a blank) in that column. */
    private record Check(int[] left, int[] right, int column) {
    }

    private static final class Search {
        final List<String> variables;
        final long[][][] values; // [variable or fixed row][reading][column], null cell: no count
        final int[] assignment;
        final List<Set<Integer>> seen = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        final List<List<Check>> checksCompletedAt = new ArrayList<>();
        int steps;
        boolean overflow;
        /** The search ended once every row had two values: the readings seen are not all that fit. */
        boolean stoppedEarly;
        int solutions;

        Search(Map<String, List<List<CellValue>>> readings, List<Identity> identities, List<String> ambiguous) {
            this.variables = new ArrayList<>(ambiguous);
            variables.sort(Comparator.comparingInt(k -> readings.get(k).size()));
            List<String> rows = new ArrayList<>(variables);
            readings.forEach((k, options) -> {
                if (options != null && options.size() == 1) {
                    rows.add(k);
                }
            });
            values = new long[rows.size()][][];
            boolean[][] known = new boolean[rows.size()][];
            int width = 0;
            for (int r = 0; r < rows.size(); r++) {
                List<List<CellValue>> options = readings.get(rows.get(r));
                values[r] = new long[options.size()][];
                for (int o = 0; o < options.size(); o++) {
                    List<CellValue> row = options.get(o);
                    width = Math.max(width, row.size());
                    values[r][o] = new long[row.size()];
                    if (known[r] == null) {
                        known[r] = new boolean[row.size()];
                        java.util.Arrays.fill(known[r], true);
                    }
                    for (int c = 0; c < row.size(); c++) {
                        // a blank counts 0 in the identities, as in the table's arithmetic; text or a fraction: unusable
                        Long count = row.get(c).isBlank() ? Long.valueOf(0) : row.get(c).count();
                        values[r][o][c] = count == null ? -1 : count;
                        known[r][c] &= count != null && count >= 0;
                    }
                }
            }
            assignment = new int[variables.size()];
            for (int v = 0; v < variables.size(); v++) {
                seen.add(new HashSet<>());
                checksCompletedAt.add(new ArrayList<>());
            }
            for (Identity identity : identities) {
                int[] left = indexes(identity.left(), rows);
                int[] right = indexes(identity.right(), rows);
                if (left == null || right == null) {
                    continue; // a row of this identity was not read: the identity cannot be used
                }
                for (int c = 0; c < width; c++) {
                    if (allKnown(left, known, c) && allKnown(right, known, c)) {
                        Check check = new Check(left, right, c);
                        int lastVariable = Math.max(lastVariable(left), lastVariable(right));
                        if (lastVariable >= 0) {
                            checksCompletedAt.get(lastVariable).add(check);
                        }
                        checks.add(check);
                    }
                }
            }
        }

        private static int[] indexes(List<String> keys, List<String> rows) {
            int[] out = new int[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                out[i] = rows.indexOf(keys.get(i));
                if (out[i] < 0) {
                    return null;
                }
            }
            return out;
        }

        private static boolean allKnown(int[] rows, boolean[][] known, int c) {
            for (int r : rows) {
                if (c >= known[r].length || !known[r][c]) {
                    return false;
                }
            }
            return true;
        }

        private int lastVariable(int[] rows) {
            int last = -1;
            for (int r : rows) {
                if (r < variables.size()) {
                    last = Math.max(last, r);
                }
            }
            return last;
        }

        void run(int v) {
            if (overflow || ++steps > MAX_STEPS) {
                overflow = true;
                return;
            }
            if (v == variables.size()) {
                solutions++;
                for (int i = 0; i < assignment.length; i++) {
                    seen.get(i).add(assignment[i]);
                }
                return;
            }
            for (int o = 0; o < values[v].length && !overflow; o++) {
                assignment[v] = o;
                if (nothingLeftToLearn()) {
                    stoppedEarly = true;
                    return;
                }
                if (consistent(v)) {
                    run(v + 1);
                }
            }
        }

        /** Identities completed by variable v hold; open ones are not already exceeded (all counts are ≥ 0). */
        private boolean consistent(int v) {
            for (Check check : checksCompletedAt.get(v)) {
                if (sum(check.left, check.column) != sum(check.right, check.column)) {
                    return false;
                }
            }
            for (Check check : checks) {
                boolean leftDone = assignedUpTo(check.left, v);
                boolean rightDone = assignedUpTo(check.right, v);
                if (leftDone && !rightDone && partial(check.right, check.column, v) > sum(check.left, check.column)
                        || rightDone && !leftDone && partial(check.left, check.column, v) > sum(check.right, check.column)) {
                    return false;
                }
            }
            return true;
        }

        private boolean nothingLeftToLearn() {
            if (solutions == 0) {
                return false;
            }
            for (Set<Integer> s : seen) {
                if (s.size() < 2) {
                    return false;
                }
            }
            return true;
        }

        private boolean assignedUpTo(int[] rows, int v) {
            for (int r : rows) {
                if (r < variables.size() && r > v) {
                    return false;
                }
            }
            return true;
        }

        private long value(int r, int c) {
            return r < variables.size() ? values[r][assignment[r]][c] : values[r][0][c];
        }

        private long sum(int[] rows, int c) {
            long s = 0;
            for (int r : rows) {
                s += value(r, c);
            }
            return s;
        }

        private long partial(int[] rows, int c, int v) {
            long s = 0;
            for (int r : rows) {
                if (r >= variables.size() || r <= v) {
                    s += value(r, c);
                }
            }
            return s;
        }
    }
}
