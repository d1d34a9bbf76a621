package org.nianbao.extraction;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table cell as written: blank (or a placeholder such as "/", "—", "无"), a number in any of the
 * written forms reports use, or text that is not a number (which is never turned into one).
 */
public record CellValue(Kind kind, BigDecimal number, String unit, String raw) {

    public enum Kind { BLANK, NUMBER, UNREADABLE }

    private static final Pattern NUMBER = Pattern.compile(
            "^(增加|减少|增|减|\\+|-|−|－)?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(万元|元|件|个|项|次|条|家|人次|%)?$");
    private static final Pattern DIGITS_APART = Pattern.compile("[\\d０-９][\\s\u00A0\u3000]+[\\d０-９]");
    private static final String PLACEHOLDERS = "/／-—–－无―一";

    public static CellValue parse(String text) {
        String raw = text == null ? "" : text;
        String s = normalise(raw);
        if (s.isEmpty() || s.length() <= 2 && s.chars().allMatch(c -> PLACEHOLDERS.indexOf(c) >= 0)) {
            return new CellValue(Kind.BLANK, null, null, raw);
        }
        if (DIGITS_APART.matcher(raw).find()) {
            return new CellValue(Kind.UNREADABLE, null, null, raw); // "7 0": one number or two? never guess
        }
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) {
            return new CellValue(Kind.UNREADABLE, null, null, raw);
        }
        BigDecimal value = new BigDecimal(m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3)));
        String sign = m.group(1);
        if (sign != null && (sign.startsWith("减") || sign.equals("-") || sign.equals("−") || sign.equals("－"))) {
            value = value.negate();
        }
        return new CellValue(Kind.NUMBER, value, m.group(4), raw);
    }

    /** Full-width digits and signs to ASCII, whitespace removed. */
    static String normalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) (c - '０' + '0');
            } else if (c == '．') {
                c = '.';
            } else if (c == '，') {
                c = ',';
            } else if (c == '＋') {
                c = '+';
            }
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u3000') {
                b.append(c);
            }
        }
        return b.toString();
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isBlank() {
        return kind == Kind.BLANK;
    }

    /** The value as a count (parts 三 and 四), or null when blank; UNREADABLE and fractions are not counts. */
    public Long count() {
        if (kind != Kind.NUMBER || number.scale() > 0 && number.stripTrailingZeros().scale() > 0) {
            return null;
        }
        return number.longValueExact();
    }
}
