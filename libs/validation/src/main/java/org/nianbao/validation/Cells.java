package org.nianbao.validation;

import org.nianbao.model.Applications;

import java.util.List;

/** Reading cells for arithmetic: a blank cell counts as 0, and its path is kept to say it was blank. */
final class Cells {
    static final String[] COLUMN_ZH = {"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"};

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
        return text == null ? 0 : (int) text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    }
}
