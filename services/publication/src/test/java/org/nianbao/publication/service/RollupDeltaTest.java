package org.nianbao.publication.service;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RollupDeltaTest {

    private static CellExport.Cell cell(String path, Integer value) {
        return new CellExport.Cell(path, value == null ? null : BigDecimal.valueOf(value));
    }

    @Test
    void aNewReportMovesEveryKeptPrefixOfItsRegionAndABlankCellIsNamedAsZero() {
        List<RollupDelta.Move> moves = new RollupDelta()
                .add(2020, "360102", "2021", List.of(cell("applications.rows.newReceived[0]", 34), cell("reviewLitigation.review.total", null)))
                .moves();

        assertThat(moves).hasSize(8).contains(
                new RollupDelta.Move(2020, "", "2021", "applications.rows.newReceived[0]", BigDecimal.valueOf(34)),
                new RollupDelta.Move(2020, "36", "2021", "applications.rows.newReceived[0]", BigDecimal.valueOf(34)),
                new RollupDelta.Move(2020, "3601", "2021", "applications.rows.newReceived[0]", BigDecimal.valueOf(34)),
                new RollupDelta.Move(2020, "360102", "2021", "applications.rows.newReceived[0]", BigDecimal.valueOf(34)),
                new RollupDelta.Move(2020, "360102", "2021", "reviewLitigation.review.total", BigDecimal.ZERO));
    }

    @Test
    void aRevisionMovesOnlyItsDifferenceAndTwoReportsOfOneRegionAddUp() {
        RollupDelta delta = new RollupDelta()
                .remove(2020, "360102", "2021", List.of(cell("applications.rows.newReceived[0]", 34), cell("applications.rows.granted[0]", 5)))
                .add(2020, "360102", "2021", List.of(cell("applications.rows.newReceived[0]", 30), cell("applications.rows.granted[0]", 5)))
                .add(2020, "360103", "2021", List.of(cell("applications.rows.newReceived[0]", 7)));

        assertThat(delta.moves()).contains(
                new RollupDelta.Move(2020, "360102", "2021", "applications.rows.newReceived[0]", BigDecimal.valueOf(-4)),
                new RollupDelta.Move(2020, "3601", "2021", "applications.rows.newReceived[0]", BigDecimal.valueOf(3)),
                new RollupDelta.Move(2020, "", "2021", "applications.rows.newReceived[0]", BigDecimal.valueOf(3)),
                new RollupDelta.Move(2020, "360103", "2021", "applications.rows.newReceived[0]", BigDecimal.valueOf(7)),
                new RollupDelta.Move(2020, "3601", "2021", "applications.rows.granted[0]", BigDecimal.ZERO));
    }

    @Test
    void aReportMovedToAnotherYearLeavesTheOldYearAndAReportWithoutAYearIsInNoRollup() {
        List<RollupDelta.Move> moves = new RollupDelta()
                .remove(2019, "3601", "2019", List.of(cell("active.rules.issued", 3)))
                .add(2020, null, "2021", List.of(cell("active.rules.issued", 3)))
                .add(null, "360102", "2021", List.of(cell("active.rules.issued", 9)))
                .moves();

        assertThat(moves).containsExactlyInAnyOrder(
                new RollupDelta.Move(2019, "", "2019", "active.rules.issued", BigDecimal.valueOf(-3)),
                new RollupDelta.Move(2019, "36", "2019", "active.rules.issued", BigDecimal.valueOf(-3)),
                new RollupDelta.Move(2019, "3601", "2019", "active.rules.issued", BigDecimal.valueOf(-3)),
                new RollupDelta.Move(2020, "", "2021", "active.rules.issued", BigDecimal.valueOf(3)));
        assertThat(RollupDelta.prefixes("3601")).containsExactly("", "36", "3601");
        assertThat(Arrays.asList(RollupDelta.prefixes("").toArray())).containsExactly("");
    }
}
