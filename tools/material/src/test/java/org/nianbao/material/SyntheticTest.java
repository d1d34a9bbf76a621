package org.nianbao.material;

import org.junit.jupiter.api.Test;
import org.nianbao.model.Applications;
import org.nianbao.model.Gold;
import org.nianbao.model.Report;
import org.nianbao.model.ReviewLitigation;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticTest {
    private static long v(Long x) {
        return x == null ? 0 : x;
    }

    @Test
    void everySyntheticReportSatisfiesTheOfficialIdentities() {
        Synthetic synthetic = new Synthetic(7);
        for (int i = 0; i < 60; i++) {
            Report r = synthetic.next(i).report();
            Applications a = r.applications;
            for (String row : Applications.rowKeys(a.otherSplit())) {
                long sum = IntStream.range(0, 6).mapToLong(c -> v(a.cell(row, c))).sum();
                assertThat(v(a.cell(row, Applications.TOTAL))).as("%d %s total", i, row).isEqualTo(sum);
            }
            for (int c = 0; c < 7; c++) {
                int col = c;
                assertThat(v(a.cell(Applications.NEW_RECEIVED, c)) + v(a.cell(Applications.CARRIED_OVER, c)))
                        .isEqualTo(v(a.cell(Applications.TOTAL_PROCESSED, c)) + v(a.cell(Applications.CARRIED_FORWARD, c)));
                assertThat(Applications.outcomeKeys(a.otherSplit()).stream().mapToLong(k -> v(a.cell(k, col))).sum())
                        .isEqualTo(v(a.cell(Applications.TOTAL_PROCESSED, c)));
            }
            for (ReviewLitigation.Group g : r.reviewLitigation.groups().values()) {
                assertThat(v(g.upheld) + v(g.corrected) + v(g.other) + v(g.pending)).isEqualTo(v(g.total));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameReportsAndTheGoldKeepsEveryValue() {
        Report a = new Synthetic(42).next(3).report();
        Report b = new Synthetic(42).next(3).report();
        assertThat(new String(Gold.write(a))).isEqualTo(new String(Gold.write(b)));
        assertThat(Gold.compare(a, Gold.read(Gold.write(a)), true)).allMatch(c -> c.verdict() == Gold.Verdict.RIGHT);
    }

    @Test
    void theMaterialHasZerosBlanksLargeNumbersAndEveryFormat() {
        Synthetic synthetic = new Synthetic(20261201L);
        List<Report> reports = IntStream.range(0, 48).mapToObj(i -> synthetic.next(i).report()).toList();
        assertThat(reports).extracting(r -> r.format.json()).contains("2019", "2021", "mixed");
        assertThat(reports).filteredOn(r -> r.applications.rows.values().stream().anyMatch(row -> row.contains(null))).hasSizeGreaterThan(4);
        assertThat(reports).filteredOn(r -> r.applications.rows.values().stream().flatMap(List::stream).anyMatch(x -> x != null && x == 0))
                .hasSizeGreaterThan(24);
        assertThat(reports).filteredOn(r -> r.active.rows().values().stream().flatMap(c -> c.values().stream())
                .anyMatch(x -> x != null && x.intValue() >= 100_000)).hasSizeGreaterThan(2);
    }

    @Test
    void everyVariantOfStyleIsBothUsedAndNotUsed() throws Exception {
        Synthetic synthetic = new Synthetic(20261201L);
        List<Style> styles = IntStream.range(0, 48).mapToObj(i -> synthetic.next(i).style()).toList();
        for (var component : Style.class.getRecordComponents()) {
            List<Object> values = new java.util.ArrayList<>();
            for (Style s : styles) {
                values.add(component.getAccessor().invoke(s));
            }
            assertThat(values.stream().distinct().count()).as("values of %s", component.getName()).isGreaterThan(1);
        }
    }
}
