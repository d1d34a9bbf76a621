package org.nianbao.extraction;

import org.junit.jupiter.api.Test;
import org.nianbao.model.Report;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellsAndRunsTest {

    @Test
    void readsNumbersInEveryWrittenForm() {
        assertThat(CellValue.parse("").isBlank()).isTrue();
        for (String placeholder : List.of("/", "／", "-", "—", "无", " ")) {
            assertThat(CellValue.parse(placeholder).isBlank()).as(placeholder).isTrue();
        }
        assertThat(CellValue.parse("１２３").number()).isEqualByComparingTo("123");
        assertThat(CellValue.parse("1,234").number()).isEqualByComparingTo("1234");
        assertThat(CellValue.parse("增284").number()).isEqualByComparingTo("284");
        assertThat(CellValue.parse("减95").number()).isEqualByComparingTo("-95");
        assertThat(CellValue.parse("+4").number()).isEqualByComparingTo("4");
        assertThat(CellValue.parse("-24").number()).isEqualByComparingTo("-24");
        assertThat(CellValue.parse("20次").number()).isEqualByComparingTo("20");
        assertThat(CellValue.parse("292214.5元").unit()).isEqualTo("元");
        assertThat(CellValue.parse("9116.36 万元").unit()).isEqualTo("万元");
        assertThat(CellValue.parse("约30").kind()).isEqualTo(CellValue.Kind.UNREADABLE);
        assertThat(CellValue.parse("12.5").count()).as("a fraction is not a count").isNull();
    }

    @Test
    void aDigitRunIsSplitOnlyWhenExactlyOneSplitSatisfiesTheRowTotal() {
        // 3001 53 0 0 61 4 3119 run together (淮安市 2024, 一、本年新收): the row total leaves one split
        assertThat(RowCandidates.of(List.of("30015300614" + "3119"), 7, Templates::applicationRowHolds))
                .singleElement().asList().extracting(c -> ((CellValue) c).count())
                .containsExactly(3001L, 53L, 0L, 0L, 61L, 4L, 3119L);
        // "2100002": 2 1 0 0 0 0 … (no: the total would be 2 ≠ 3) — 21 0 0 0 0 0 2? no; nothing fits
        assertThat(RowCandidates.of(List.of("2100002"), 7, Templates::applicationRowHolds)).isEmpty();
    }

    @Test
    void flattenedWebTextIsReadThroughTheIdentitiesOrReportedAsUnreadable() {
        String seed = Corpus.seed("004_8dd35ab5e340120f");
        // the row 一、本年新收 as a crawler flattens it: label, then its digits run together
        String flattened = seed.replaceFirst("一、本年新收政府信息公开申请数量\\n\\t34\\n\\t\\n\\t\\n\\t\\n\\t\\n\\t\\n\\t34",
                "一、本年新收政府信息公开申请数量 34000034");
        assertThat(flattened).isNotEqualTo(seed);
        Report r = new ReportExtractor().extractText(flattened);
        // 34 0 0 0 0 0 34 is not the only split of "34000034" whose row total holds (3 4 0 0 0 0 0 … no total)
        List<Long> row = r.applications.rows.get("newReceived");
        boolean read = row.get(0) != null;
        if (read) {
            assertThat(row).containsExactly(34L, 0L, 0L, 0L, 0L, 0L, 34L);
        } else {
            assertThat(r.extraction.problems).extracting(p -> p.path()).contains("applications.rows.newReceived");
        }
    }

    @Test
    void decodesTheEncodingsPlatformsSend() {
        String text = "洪泽区人民政府2023年政府信息公开工作年度报告";
        assertThat(TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(TextDecoder.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(TextDecoder.decode(text.getBytes(Charset.forName("GBK")))).isEqualTo(text);
        assertThat(TextDecoder.decode(text.getBytes(Charset.forName("GB18030")))).isEqualTo(text);
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE);
        assertThat(TextDecoder.decode(utf16)).isEqualTo(text);
        assertThatThrownBy(() -> TextDecoder.decode(new byte[]{0, 1, 2, 3, 0, 0, 5})).isInstanceOf(UnreadableDocumentException.class);
        assertThatThrownBy(() -> TextDecoder.decode(new byte[0])).hasMessage("The document is empty.");
    }

    @Test
    void aLegacyReportHasNoStandardTables() {
        Report r = new ReportExtractor().extractText("某某县人民政府2012年政府信息公开工作年度报告\n一、概述\n本年度主动公开信息120条。\n"
                + "二、主动公开政府信息情况\n三、依申请公开政府信息和不予公开政府信息的情况\n");
        assertThat(r.format.json()).isEqualTo("legacy");
        assertThat(r.applications).isNull();
        assertThat(r.year).isEqualTo(2012);
    }
}
