package org.nianbao.validation;

import org.nianbao.model.Applications;

import java.util.BitSet;
import java.util.List;

/** Reading cells for arithmetic: a blank cell counts as 0, and its path is kept to say it was blank. */
final class Cells {
    static final String[] COLUMN_ZH = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};

    /** No code point below this is of the Han script (CJK Radicals Supplement starts here). */
    private static final int FIRST_HAN = 0x2E80;
    /** The Han script in the basic multilingual plane, looked up once ({@code UnicodeScript.of} is a binary search). */
    private static final BitSet BMP_HAN = new BitSet(0x10000);

    static {
        for (int c = FIRST_HAN; c <= 0xFFFF; c++) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                BMP_HAN.set(c);
            }
        }
    }

    private Cells() {
    }

    static String path(String row, int column) {
        return "applications.rows." + row + "[" + column + "]";
    }

    static long value(Applications a, String row, int column) {
        Long v = a.cell(row, column);
        return v == null ? 0 : v;
    }

    static boolean blank(Applications a, String row, int column) {
        return a.rows.containsKey(row) && a.cell(row, column) == null;
    }

    static long sum(Applications a, List<String> rows, int column) {
        return rows.stream().mapToLong(r -> value(a, r, column)).sum();
    }

    static long sum(Long... values) {
        long s = 0;
        for (Long v : values) {
            s += v == null ? 0 : v;
        }
        return s;
    }

    /** Chinese characters only (no whitespace, punctuation, digits or Latin). */
    static int cjkLength(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= FIRST_HAN && (c <= 0xFFFF ? BMP_HAN.get(c) : Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                count++;
            }
        }
        return count;
    }
}
