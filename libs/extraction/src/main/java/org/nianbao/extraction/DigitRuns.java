package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits a run of digits that lost its cell boundaries (web text flattened by a crawler, e.g.
 * "21710000218") into n numbers. Only a split that is the one and only split satisfying the table's
 * identity is accepted; otherwise the row stays unread.
 */
final class DigitRuns {
    /** Beyond this many digits the enumeration is not attempted. */
    static final int MAX_DIGITS = 40;

    private DigitRuns() {
    }

    static List<CellValue> split(String digits, int n, Predicate<List<Long>> identity) {
        if (!digits.matches("\\d+") || digits.length() < n || digits.length() > MAX_DIGITS) {
            return null;
        }
        List<List<Long>> solutions = new ArrayList<>();
        search(digits, 0, n, new ArrayList<>(), identity, solutions);
        if (solutions.size() != 1) {
            return null;
        }
        return solutions.get(0).stream().map(v -> CellValue.parse(Long.toString(v))).toList();
    }

    private static void search(String digits, int pos, int remaining, List<Long> acc, Predicate<List<Long>> identity,
                               List<List<Long>> solutions) {
        if (solutions.size() > 1) {
            return;
        }
        if (remaining == 0) {
            if (pos == digits.length() && identity.test(acc)) {
                solutions.add(new ArrayList<>(acc));
            }
            return;
        }
        int left = digits.length() - pos;
        if (left < remaining) {
            return;
        }
        int maxLen = digits.charAt(pos) == '0' ? 1 : Math.min(left - remaining + 1, 12);
        for (int len = 1; len <= maxLen; len++) {
            acc.add(Long.parseLong(digits.substring(pos, pos + len)));
            search(digits, pos + len, remaining - 1, acc, identity, solutions);
            acc.remove(acc.size() - 1);
        }
    }
}
