package org.nianbao.model;

import java.util.Locale;

/** 统一社会信用代码 (GB 32100-2015): 18 characters whose last is a check character over the first 17. */
public final class CreditCode {
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Null when the code is valid, else what is wrong with it. */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "a 统一社会信用代码 has 18 characters";
        }
        String c = code.toUpperCase(Locale.ROOT);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARS.indexOf(c.charAt(i));
            if (v < 0) {
                return "character '" + c.charAt(i) + "' at position " + (i + 1) + " is not allowed (I, O, S, V and Z never appear)";
            }
            sum += v * WEIGHTS[i];
        }
        char expected = CHARS.charAt((31 - sum % 31) % 31);
        if (c.charAt(17) != expected) {
            return "the check character is '" + c.charAt(17) + "' but should be '" + expected + "'";
        }
        return null;
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }
}
