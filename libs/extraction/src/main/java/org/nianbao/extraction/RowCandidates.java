package org.nianbao.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways the numbers written after a row's label can fill its n cells. Where cells lost their boundaries
 * (web text flattened by a crawler: "120010013" for seven cells), a run of digits may hold several cells; a
 * boundary that is written (a space, a sign, a unit) always separates cells. A cell never starts with a
 * zero unless it is 0, and only the last piece of a run keeps its fraction and unit.
 */
final class RowCandidates {
    /** Beyond this many enumeration steps a row is left unread rather than searched further. */
    static final int MAX_STEPS = 100_000;
    /** Beyond this many readings that fit, the row is left unread (the table's identities would not settle it). */
    static final int MAX_CANDIDATES = 5_000;
    private static final int MAX_CELL_DIGITS = 13;
    private static final CellValue BLANK = CellValue.parse("");

    /** A written number: an optional sign, integer digits, an optional fraction and unit. */
    private static final Pattern NUMBER = Pattern.compile(
            "(增加|减少|增|减|[+\\-−－])?(\\d+)([.．]\\d+)?(万元|元|件|个|项|次|条|家|人次|%)?");

    private RowCandidates() {
    }

    /**
     * The readings: each a list of n cells. Empty when none fits; null when there are too many to tell.
     * {@code identity} is asked of every prefix of a reading too, and must hold where it cannot yet tell.
     */
    static List<List<CellValue>> of(List<String> tokens, int n, Predicate<List<Long>> identity) {
        return of(tokens, n, identity, false);
    }

    /**
     * As {@link #of(List, int, Predicate)}; with {@code blanksPossible} (the document leaves cells empty, and an
     * empty cell leaves no trace in flattened text) any cell may also be blank. A blank counts 0 in the
     * identity, as it does in the table's arithmetic (and in validation); the cell itself stays blank.
     */
    static List<List<CellValue>> of(List<String> tokens, int n, Predicate<List<Long>> identity, boolean blanksPossible) {
        List<Token> parsed = tokens.stream().map(Token::parse).toList();
        if (parsed.size() > n || !blanksPossible && parsed.stream().mapToInt(Token::maxCells).sum() < n) {
            return List.of();
        }
        Search search = new Search(parsed, n, identity, blanksPossible);
        search.run(0, 0);
        return search.overflow ? null : search.found;
    }

    /** The most cells the tokens can fill: one per digit of a run. */
    static int maxCells(List<String> tokens) {
        return tokens.stream().map(Token::parse).mapToInt(Token::maxCells).sum();
    }

    /** One token: a cell as written (blank, text, a number with thousands separators), or a digit run. */
    private record Token(CellValue whole, String sign, String digits, String tail) {
        static Token parse(String token) {
            Matcher m = NUMBER.matcher(CellValue.normalise(token));
            if (!m.matches()) {
                return new Token(CellValue.parse(token), "", "", "");
            }
            String tail = (m.group(3) == null ? "" : m.group(3)) + (m.group(4) == null ? "" : m.group(4));
            return new Token(null, m.group(1) == null ? "" : m.group(1), m.group(2), tail);
        }

        boolean hasFraction() {
            return !tail.isEmpty() && (tail.charAt(0) == '.' || tail.charAt(0) == '．');
        }

        boolean isRun() {
            return whole == null;
        }

        int maxCells() {
            return isRun() ? digits.length() : 1;
        }
    }

    /** Depth-first over the ways to cut the tokens into n cells; cells as written text and (when counts) values. */
    private static final class Search {
        final List<Token> tokens;
        final int n;
        final Predicate<List<Long>> identity;
        final boolean blanksPossible;
        final int[] digitsFrom;
        final List<String> texts = new ArrayList<>(); // null: a blank cell
        final List<Long> counts = new ArrayList<>(); // a blank counts 0, as in the table's arithmetic; null: no count (fraction, text)
        int notCounts;
        final List<List<CellValue>> found = new ArrayList<>();
        int steps;
        boolean overflow;

        Search(List<Token> tokens, int n, Predicate<List<Long>> identity, boolean blanksPossible) {
            this.tokens = tokens;
            this.n = n;
            this.identity = identity;
            this.blanksPossible = blanksPossible;
            this.digitsFrom = new int[tokens.size() + 1];
            for (int i = tokens.size() - 1; i >= 0; i--) {
                digitsFrom[i] = digitsFrom[i + 1] + tokens.get(i).maxCells();
            }
        }

        /** Fills cells from token {@code t}, whose digits before {@code pos} are already placed. */
        void run(int t, int pos) {
            if (overflow || ++steps > MAX_STEPS) {
                overflow = true;
                return;
            }
            int cellsLeft = n - texts.size();
            if (t == tokens.size()) {
                if (cellsLeft == 0 || blanksPossible) {
                    accept();
                }
                return;
            }
            Token token = tokens.get(t);
            if (cellsLeft < tokens.size() - t || !blanksPossible && cellsLeft > digitsFrom[t] - pos) {
                return;
            }
            if (blanksPossible && cellsLeft > tokens.size() - t) {
                push(null, 0L); // an empty cell, before the rest of this token
                run(t, pos);
                pop();
            }
            if (!token.isRun()) {
                push(token.whole.raw(), token.whole.count());
                run(t + 1, 0);
                pop();
                return;
            }
            String digits = token.digits;
            int maxLen = digits.charAt(pos) == '0' ? 1 : Math.min(digits.length() - pos, MAX_CELL_DIGITS);
            for (int len = 1; len <= maxLen && !overflow; len++) {
                boolean last = pos + len == digits.length();
                String sign = pos == 0 ? token.sign : "";
                long value = Long.parseLong(digits, pos, pos + len, 10);
                boolean fraction = last && token.hasFraction();
                push(sign + digits.substring(pos, pos + len) + (last ? token.tail : ""),
                        fraction ? null : sign.isEmpty() || sign.equals("+") || sign.startsWith("增") ? value : -value);
                if (mayHold()) {
                    run(last ? t + 1 : t, last ? 0 : pos + len);
                }
                pop();
            }
        }

        private void push(String text, Long count) {
            texts.add(text);
            counts.add(count);
            notCounts += count == null ? 1 : 0;
        }

        private void pop() {
            texts.remove(texts.size() - 1);
            notCounts -= counts.remove(counts.size() - 1) == null ? 1 : 0;
        }

        /** The identity does not already fail on the cells placed so far (a cell that is no count stops the check). */
        private boolean mayHold() {
            return identity == null || notCounts > 0 || identity.test(counts);
        }

        private void accept() {
            List<CellValue> cells = new ArrayList<>(n);
            for (String text : texts) {
                cells.add(text == null ? BLANK : CellValue.parse(text));
            }
            while (cells.size() < n) {
                cells.add(BLANK);
            }
            if (identity != null) {
                if (cells.stream().anyMatch(c -> c.count() == null && !c.isBlank())) {
                    return; // text or a fraction where the identity needs counts
                }
                if (!identity.test(cells.stream().map(c -> c.isBlank() ? 0L : c.count()).toList())) {
                    return;
                }
            }
            found.add(List.copyOf(cells));
            if (found.size() > MAX_CANDIDATES) {
                overflow = true;
            }
        }
    }
}
