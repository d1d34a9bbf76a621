package org.nianbao.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GoldTest {
    private static final String GOLD = """
            {"format": "2021", "year": 2021, "agency": "某局", "publishedOn": null, "title": "某局2021年报",
             "active": {"rules": {"issued": 1, "repealed": 0, "inForce": null}, "fees": {"amountWanYuan": 2.50}},
             "applications": {"otherSplit": true, "default": [0, 0, 0, 0, 0, 0, 0],
               "rows": {"newReceived": [1, 0, 0, 0, 0, 0, 1], "carriedForward": [null, 0, 0, 0, 0, 0, 0]}},
             "reviewLitigation": {"review": [0, 0, 0, 0, 0], "litigationDirect": [0, 0, 0, 0, 0],
                                  "litigationAfterReview": [1, 0, 0, 0, 1]}}""";

    @Test
    void aGoldComparesRightWithItselfAndSurvivesWritingAndReading() {
        Report gold = Gold.read(GOLD.getBytes(StandardCharsets.UTF_8));
        assertThat(Gold.compare(gold, gold, true)).allMatch(c -> c.verdict() == Gold.Verdict.RIGHT).hasSize(2 + 3 + 4 + 1 + 25 * 7 + 15);
        Report again = Gold.read(Gold.write(gold));
        assertThat(Gold.compare(gold, again, true)).allMatch(c -> c.verdict() == Gold.Verdict.RIGHT);
        assertThat(again.applications.cell("carriedForward", 0)).isNull();
        assertThat(again.active.get("fees", "amountWanYuan")).isEqualByComparingTo("2.5");
    }

    @Test
    void blanksWhereTheGoldHasValuesAreUnreadAndValuesWhereItHasBlanksAreWrong() {
        Report gold = Gold.read(GOLD.getBytes(StandardCharsets.UTF_8));
        Report read = Gold.read(GOLD.getBytes(StandardCharsets.UTF_8));
        read.format = ReportFormat.UNKNOWN;
        read.active.set("rules", "issued", null);
        read.active.set("rules", "inForce", BigDecimal.ZERO);
        read.active.set("fees", "amountWanYuan", new BigDecimal("2.5000"));
        read.applications.rows.put("newReceived", List.of(1L, 0L, 0L, 0L, 0L, 0L, 2L));
        read.reviewLitigation.litigationAfterReview.total = null;
        List<Gold.Cell> differ = Gold.compare(gold, read, false).stream().filter(c -> c.verdict() != Gold.Verdict.RIGHT).toList();
        assertThat(differ).extracting(Gold.Cell::path, Gold.Cell::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("format", Gold.Verdict.UNREAD),
                org.assertj.core.groups.Tuple.tuple("active.rules.issued", Gold.Verdict.UNREAD),
                org.assertj.core.groups.Tuple.tuple("active.rules.inForce", Gold.Verdict.WRONG),
                org.assertj.core.groups.Tuple.tuple("applications.rows.newReceived[6]", Gold.Verdict.WRONG),
                org.assertj.core.groups.Tuple.tuple("reviewLitigation.litigationAfterReview.total", Gold.Verdict.UNREAD));
        read.reviewLitigation = null;
        assertThat(Gold.compare(gold, read, false)).filteredOn(c -> c.path().startsWith("reviewLitigation"))
                .allMatch(c -> c.verdict() == Gold.Verdict.UNREAD).hasSize(15);
    }

    @Test
    void aFileNamesItsReportAndItsRendering() {
        assertThat(Gold.stem("synthetic-001.chromium.pdf")).isEqualTo("synthetic-001");
        assertThat(Gold.layout("synthetic-001.chromium.pdf")).isEqualTo("pdf-chromium");
        assertThat(Gold.layout("hongze-district-2023.pdf")).isEqualTo("pdf");
        assertThat(Gold.layout("hongze-district-2023.pdf.txt")).isEqualTo("txt-pdf");
        assertThat(Gold.stem("x.gold.json")).isEqualTo("x");
    }
}
