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
    static final int MAX_STEPS = 300_000;
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
     * empty cell leaves no trace in flattened text) any cell may also be blank. A reading with a blank cell
     * cannot be checked against the identity, so it is kept.
     */
    static List<List<CellValue>> of(List<String> tokens, int n, Predicate<List<Long>> identity, boolean blanksPossible) {
        List<Token> parsed = tokens.stream().map(Token::parse).toList();
        if (parsed.size() > n || !blanksPossible && parsed.stream().mapToInt(Token::maxCells).sum() < n) {
            return List.of();
        }
        Search search = new Search(parsed, n, identity, blanksPossible);
        search.run(0, 0, new ArrayList<>());
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

        boolean isRun() {
            return whole == null;
        }

        int maxCells() {
            return isRun() ? digits.length() : 1;
        }
    }

    private static final class Search {
        final List<Token> tokens;
        final int n;
        final Predicate<List<Long>> identity;
        final int[] digitsFrom;
        final List<List<CellValue>> found = new ArrayList<>();
        int steps;
        boolean overflow;

        final boolean blanksPossible;

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
        void run(int t, int pos, List<CellValue> cells) {
            if (overflow || ++steps > MAX_STEPS) {
                overflow = true;
                return;
            }
            int cellsLeft = n - cells.size();
            if (t == tokens.size()) {
                if (cellsLeft == 0) {
                    accept(cells);
                } else if (blanksPossible) {
                    List<CellValue> filled = new ArrayList<>(cells);
                    while (filled.size() < n) {
                        filled.add(BLANK);
                    }
                    accept(filled);
                }
                return;
            }
            Token token = tokens.get(t);
            if (cellsLeft < tokens.size() - t || !blanksPossible && cellsLeft > digitsFrom[t] - pos) {
                return;
            }
            if (blanksPossible && cellsLeft > tokens.size() - t) {
                cells.add(BLANK);
                run(t, 0, cells);
                cells.remove(cells.size() - 1);
            }
            if (!token.isRun()) {
                cells.add(token.whole);
                run(t + 1, 0, cells);
                cells.remove(cells.size() - 1);
                return;
            }
            String digits = token.digits;
            int maxLen = digits.charAt(pos) == '0' ? 1 : Math.min(digits.length() - pos, MAX_CELL_DIGITS);
            for (int len = 1; len <= maxLen && !overflow; len++) {
                boolean last = pos + len == digits.length();
                String text = (pos == 0 ? token.sign : "") + digits.substring(pos, pos + len) + (last ? token.tail : "");
                cells.add(CellValue.parse(text));
                if (mayHold(cells)) {
                    run(last ? t + 1 : t, last ? 0 : pos + len, cells);
                }
                cells.remove(cells.size() - 1);
            }
        }

        /** The identity does not already fail on the cells placed so far (blank cells cannot be checked). */
        private boolean mayHold(List<CellValue> cells) {
            if (identity == null) {
                return true;
            }
            List<Long> counts = new ArrayList<>(cells.size());
            for (CellValue c : cells) {
                if (c.count() == null) {
                    return true;
                }
                counts.add(c.count());
            }
            return identity.test(counts);
        }

        private void accept(List<CellValue> cells) {
            if (identity != null) {
                List<Long> counts = new ArrayList<>(cells.size());
                for (CellValue c : cells) {
                    Long v = c.count();
                    if (v == null && !c.isBlank()) {
                        return;
                    }
                    counts.add(v);
                }
                if (!counts.contains(null) && !identity.test(counts)) {
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
