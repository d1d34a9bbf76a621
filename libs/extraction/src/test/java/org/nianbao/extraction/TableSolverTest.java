package org.nianbao.extraction;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TableSolverTest {
    private static final List<TableSolver.Identity> SUM = List.of(new TableSolver.Identity(List.of("a", "b"), List.of("total")));

    private static List<CellValue> row(String... cells) {
        return Arrays.stream(cells).map(CellValue::parse).toList();
    }

    @Test
    void aRowIsReadWhenEveryAssignmentThatFitsGivesItTheSameValue() {
        Map<String, List<List<CellValue>>> readings = new LinkedHashMap<>();
        readings.put("a", List.of(row("1", "2"), row("12", "0")));
        readings.put("b", List.of(row("3", "3")));
        readings.put("total", List.of(row("4", "5")));
        TableSolver.Result result = TableSolver.solve(readings, SUM);
        assertThat(result.cells().get("a")).isEqualTo(row("1", "2"));
        assertThat(result.unread()).isEmpty();
    }

    @Test
    void eachRowGetsItsOwnReadingWhateverOrderTheSearchTakesThemIn() {
        // a has three readings and b two, so the search takes b first; only a = 1 2 with b = 3 3 makes 4 5
        Map<String, List<List<CellValue>>> readings = new LinkedHashMap<>();
        readings.put("a", List.of(row("1", "2"), row("12", "0"), row("9", "9")));
        readings.put("b", List.of(row("30", "3"), row("3", "3")));
        readings.put("total", List.of(row("4", "5")));
        TableSolver.Result result = TableSolver.solve(readings, SUM);
        assertThat(result.cells().get("a")).isEqualTo(row("1", "2"));
        assertThat(result.cells().get("b")).isEqualTo(row("3", "3"));
        assertThat(result.cells().keySet()).containsExactly("a", "b", "total");
    }

    @Test
    void twoAssignmentsThatBothFitLeaveTheRowsUnreadWithTheirReadings() {
        Map<String, List<List<CellValue>>> readings = new LinkedHashMap<>();
        readings.put("a", List.of(row("1", "2"), row("12", "0")));
        readings.put("b", List.of(row("0", "0")));
        readings.put("total", List.of(row("1", "2"), row("12", "0")));
        TableSolver.Result result = TableSolver.solve(readings, SUM);
        assertThat(result.cells()).containsOnlyKeys("b");
        assertThat(result.unread().get("a")).hasSize(2);
        assertThat(result.unread().get("total")).hasSize(2);
    }

    @Test
    void anIdentityWithAnUnreadRowIsNotUsed() {
        Map<String, List<List<CellValue>>> readings = new LinkedHashMap<>();
        readings.put("a", List.of(row("1", "2"), row("12", "0")));
        readings.put("b", List.of());
        readings.put("total", List.of(row("4", "5")));
        TableSolver.Result result = TableSolver.solve(readings, SUM);
        assertThat(result.cells()).containsOnlyKeys("total");
        assertThat(result.unread()).containsKeys("a", "b");
    }

    @Test
    void aBlankCellCountsZeroInTheIdentitiesAndStaysBlank() {
        // column 0: a + (blank) = 1 leaves only a = 1 2
        Map<String, List<List<CellValue>>> readings = new LinkedHashMap<>();
        readings.put("a", List.of(row("1", "2"), row("12", "0")));
        readings.put("b", List.of(row("", "3")));
        readings.put("total", List.of(row("1", "5")));
        TableSolver.Result result = TableSolver.solve(readings, SUM);
        assertThat(result.cells().get("a")).isEqualTo(row("1", "2"));
        assertThat(result.cells().get("b").get(0).isBlank()).isTrue();
    }

    @Test
    void noFittingAssignmentLeavesTheAmbiguousRowsUnread() {
        Map<String, List<List<CellValue>>> readings = new LinkedHashMap<>();
        readings.put("a", List.of(row("1", "2"), row("12", "0")));
        readings.put("b", List.of(row("0", "0")));
        readings.put("total", List.of(row("7", "7")));
        TableSolver.Result result = TableSolver.solve(readings, SUM);
        assertThat(result.cells()).containsOnlyKeys("b", "total");
        assertThat(result.unread().get("a")).hasSize(2);
    }

    @Test
    void aNumberWrappedInItsCellIsJoinedOnlyWhereTheRowsIdentityConfirmsIt() {
        // "11 6": a narrow cell wrapped 116 over two lines; 68 + 18 + 17 + 13 = 116 confirms it
        assertThat(RowReader.joinWrapped(row("68", "18", "17", "13", "11 6"), Templates::reviewGroupsHold))
                .isEqualTo(row("68", "18", "17", "13", "116"));
        // "11 7" would be 117: the identity does not hold, the cell stays unreadable
        assertThat(RowReader.joinWrapped(row("68", "18", "17", "13", "11 7"), Templates::reviewGroupsHold).get(4).kind())
                .isEqualTo(CellValue.Kind.UNREADABLE);
        // no identity (part 二): never joined
        assertThat(RowReader.joinWrapped(row("1", "0", "7 7"), null).get(2).kind()).isEqualTo(CellValue.Kind.UNREADABLE);
    }

    @Test
    void runsAreSplitAtWrittenBoundariesOnlyAndNeverWithLeadingZeros() {
        assertThat(RowCandidates.of(List.of("10", "0", "00", "0", "1"), 7, null)).singleElement()
                .isEqualTo(row("1", "0", "0", "0", "0", "0", "1"));
        assertThat(RowCandidates.of(List.of("1077"), 3, null)).containsExactlyInAnyOrder(row("1", "0", "77"), row("10", "7", "7"));
        assertThat(RowCandidates.of(List.of("365"), 1, null)).singleElement().isEqualTo(row("365"));
        assertThat(RowCandidates.of(List.of("12", "3", "45"), 2, null)).as("more tokens than cells").isEmpty();
        assertThat(RowReader.flatReadings("行政许可0+5246其他对外管理服务事项", 3, null, false)).as("a sign starts a cell")
                .containsExactlyInAnyOrder(row("0", "+5", "246"), row("0", "+52", "46"), row("0", "+524", "6"));
        assertThat(RowCandidates.of(List.of("396171.6万元"), 2, null)).as("the fraction and unit stay on the last cell")
                .contains(row("3", "96171.6万元"));
        // an empty cell leaves no trace: 34 may stand in any of the six columns, the total after them
        assertThat(RowCandidates.of(List.of("3434"), 7, Templates::applicationRowHolds, true))
                .containsExactlyInAnyOrder(row("34", "", "", "", "", "", "34"), row("", "34", "", "", "", "", "34"),
                        row("", "", "34", "", "", "", "34"), row("", "", "", "34", "", "", "34"),
                        row("", "", "", "", "34", "", "34"), row("", "", "", "", "", "34", "34"));
    }
}
