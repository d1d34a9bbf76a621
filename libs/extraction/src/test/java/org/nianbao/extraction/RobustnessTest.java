package org.nianbao.extraction;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.nianbao.model.Applications;
import org.nianbao.model.Report;
import org.nianbao.model.ReviewLitigation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garbled, truncated and random input never crashes the reader (only UnreadableDocumentException, with
 * a message) and never yields a number that is not written in the document. The inputs come from a fixed
 * seed, so a run is repeatable; explore others with {@code -Dnianbao.fuzz.seed=N}.
 */
class RobustnessTest {
    private static final long SEED = Long.getLong("nianbao.fuzz.seed", 20261201L);
    private static final Random RANDOM = new Random(SEED);
    private final ReportExtractor extractor = new ReportExtractor();

    @Test
    void aNumberIsNeverMadeOfTwoLines() {
        // one cell per line (Word text): the amount's line, then a stray digit where a blank line was
        String text = Corpus.seed("004_8dd35ab5e340120f").replace("\t89188339.32\n\n", "\t89188339.32\n8\n");
        Report r = extractor.extract(text.getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.active.get("procurement", "amountYuan")).isNull();
        assertThat(r.extraction.problems).anySatisfy(p -> assertThat(p.path()).startsWith("active.procurement"));
    }

    @RepeatedTest(40)
    void randomBytesAreRefusedOrReadWithoutInventedNumbers() {
        byte[] bytes = new byte[1 + RANDOM.nextInt(4000)];
        RANDOM.nextBytes(bytes);
        readSafely(bytes);
    }

    @RepeatedTest(30)
    void truncatedAndShuffledSeedsNeverInventNumbers() {
        String seed = Corpus.seed(Corpus.SEEDS[RANDOM.nextInt(Corpus.SEEDS.length)]);
        String cut = seed.substring(0, RANDOM.nextInt(seed.length()));
        readSafely(cut.getBytes(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>(seed.lines().toList());
        Collections.shuffle(lines, RANDOM);
        readSafely(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        StringBuilder garbled = new StringBuilder(seed);
        for (int i = 0; i < 30; i++) {
            int at = RANDOM.nextInt(garbled.length());
            garbled.setCharAt(at, "0123456789\t|\n 一二三四五六七总计其他处理".charAt(RANDOM.nextInt(25)));
        }
        readSafely(garbled.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void corruptOfficeAndPdfFilesGetAClearError() {
        for (String start : List.of("%PDF-1.7\ngarbage", "PK\u0003\u0004garbage")) {
            try {
                extractor.extract(start.getBytes(StandardCharsets.ISO_8859_1), null);
                throw new AssertionError("a corrupt document was read");
            } catch (UnreadableDocumentException e) {
                assertThat(e.getMessage()).containsAnyOf("PDF", "Word");
            }
        }
    }

    private void readSafely(byte[] bytes) {
        Report r;
        try {
            r = extractor.extract(bytes, null);
        } catch (UnreadableDocumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        String text;
        try {
            text = TextDecoder.decode(bytes);
        } catch (UnreadableDocumentException e) {
            return;
        }
        // full-width digits to ASCII, thousands separators dropped, whitespace kept (it separates numbers)
        String digits = text.chars().map(c -> c >= '０' && c <= '９' ? c - '０' + '0' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .replaceAll("(?<=\\d),(?=\\d{3})", "");
        for (BigDecimal v : numbers(r)) {
            // money written in 万元 is converted to 元 (2019 采购总金额), so 5万元 is read as 50000
            String inWanYuan = v.abs().movePointLeft(4).stripTrailingZeros().toPlainString();
            assertThat(digits).as("every number read is written in the document (seed %d)", SEED)
                    .containsAnyOf(v.abs().toPlainString(), inWanYuan + "万元", inWanYuan + "\t", inWanYuan + "\n", inWanYuan + " ");
        }
    }

    private static List<BigDecimal> numbers(Report r) {
        List<BigDecimal> out = new ArrayList<>();
        if (r.active != null) {
            r.active.rows().values().forEach(cells -> cells.values().stream().filter(v -> v != null).forEach(out::add));
        }
        Applications a = r.applications;
        if (a != null) {
            a.rows.values().forEach(row -> row.stream().filter(v -> v != null).forEach(v -> out.add(BigDecimal.valueOf(v))));
        }
        ReviewLitigation rl = r.reviewLitigation;
        if (rl != null) {
            rl.groups().values().forEach(g -> {
                for (Long v : g.cells()) {
                    if (v != null) {
                        out.add(BigDecimal.valueOf(v));
                    }
                }
            });
        }
        return out;
    }
}
