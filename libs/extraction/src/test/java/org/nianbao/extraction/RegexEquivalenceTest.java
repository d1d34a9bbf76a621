package org.nianbao.extraction;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser's helpers that replaced regular expressions (and the strict decoder's fast path) give exactly what the regular expressions they replaced gave, on random text
 * mixing CJK characters and punctuation, digits, letters, every kind of whitespace and surrogate pairs.
 */
class RegexEquivalenceTest {
    private static final String[] PIECES = {"年", "报", "𠀀", "\uD840", "\uDC00", "，", "。", "、", "；", "：", "“", "”",
            "（", "）", "《", "》", "0", "7", "a", "Z", "-", "|", " ", "  ", "\t", "\n", "\r", "\u000B", "\f", "\u3000",
            "\u00A0", "\u2028", "\u0085", "\u2003", "\u001C", "(", ")", "．", "１"};

    @Test
    void joinCjkMatchesTheRegularExpressions() {
        Random random = new Random(20261202);
        for (int n = 0; n < 50_000; n++) {
            String s = randomText(random);
            assertThat(ReportParser.joinCjk(s)).as("joinCjk of %s", escaped(s)).isEqualTo(joinCjkByRegex(s));
        }
    }

    @Test
    void normaliseWhitespaceMatchesTheRegularExpressions() {
        Random random = new Random(7);
        for (int n = 0; n < 50_000; n++) {
            String s = randomText(random);
            assertThat(ReportParser.normaliseWhitespace(s)).as("normaliseWhitespace of %s", escaped(s))
                    .isEqualTo(normaliseWhitespaceByRegex(s));
        }
    }

    @Test
    void labelsGluedToDigitsMatchTheRegularExpression() {
        Pattern glued = Pattern.compile("(申请数量|予以公开|国家秘密|禁止公开|稳定”?|合法权益|内部事务信息|过程性信息|执法案卷|查询事项|政府信息|"
                + "另行制作|仍不明确|类申请|重复申请|出版物|反复申请|已获取信息|总计|继续办理)[0-9]");
        String[] pieces = {"申请数量", "予以公开", "稳定", "”", "政府信息", "内部事务", "信息", "过程性", "重复", "反复", "类", "申请",
                "总计", "计", "0", "5", "9", " ", "\n", "年", "a", "，"};
        Random random = new Random(3);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = b.toString();
            Set<String> expected = new HashSet<>();
            for (Matcher m = glued.matcher(s); m.find(); ) {
                expected.add(m.group(1));
            }
            assertThat(ReportParser.labelsGluedToDigits(s)).as("labels glued in %s", s).isEqualTo(expected);
        }
    }

    @Test
    void pageNumbersGoAsTheRegularExpressionRemovedThem() {
        Pattern pageNumberLine = Pattern.compile(
                "(?m)^[ \\t]*([-—–－][ \\t]*\\d{1,3}[ \\t]*[-—–－]|第[ \\t]*\\d+[ \\t]*页([ \\t]*共[ \\t]*\\d+[ \\t]*页)?)[ \\t]*$");
        String[] pieces = {"-", "—", "–", "－", "第", "页", "共", "1", "23", "4567", " ", "\t", "\n", "\r", "\r\n", "\u0085",
                "\u2028", "\u2029", "年", "a", "\u3000"};
        Random random = new Random(5);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = b.toString();
            assertThat(ReportParser.withoutPageNumbers(s)).as("page numbers in %s", escaped(s))
                    .isEqualTo(pageNumberLine.matcher(s).replaceAll(""));
        }
    }

    /** TextDecoder's fast path: bytes the String constructor decodes without U+FFFD are what strict UTF-8 reads. */
    @Test
    void utf8WithoutReplacementIsStrictUtf8() throws Exception {
        Random random = new Random(11);
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xF8,
                0xFC, 0xFE, 0xFF, 0x9F, 0xA0, 0x8F, 0x90, 0xBB, 0xBD};
        for (int n = 0; n < 100_000; n++) {
            byte[] bytes = new byte[random.nextInt(8)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt(256));
            }
            String fast = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            String strict;
            try {
                strict = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                strict = null;
            }
            if (fast.indexOf('\uFFFD') < 0) {
                assertThat(fast).as("bytes %s", java.util.HexFormat.of().formatHex(bytes)).isEqualTo(strict);
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static String normaliseWhitespaceByRegex(String s) {
        String collapsed = s.replace('\u3000', ' ').replace('\u00A0', ' ').replaceAll("[ \\t]+", " ")
                .replaceAll(" *\\n[ \\n]*", "\n").strip();
        return joinCjkByRegex(collapsed);
    }

    private static String joinCjkByRegex(String s) {
        return s.replaceAll("(?<=[\\p{IsHan}，。、；：“”（）《》])\\s+(?=[\\p{IsHan}，。、；：“”（）《》\\d])", "")
                .replaceAll("(?<=\\d)\\s+(?=[\\p{IsHan}])", "");
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x80 && c >= 0x20 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return b.toString();
    }
}
