package org.nianbao.publication.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a batch of report versions moves in the kept roll-up sums (rollup_cell): for each year, kept region prefix
 * ("" for everywhere, then the 2-, 4- and 6-digit prefixes of the report's region), part 二 columns and cell path, the
 * new cells' sum less the previous cells' where the roll-ups counted them. Summed here, so the database receives one
 * row per sum the batch moves instead of every cell of every report four times. Blank cells count as 0; cells of a
 * report without a year are in no roll-up.
 */
public final class RollupDelta {

    /** One kept roll-up sum and how much the batch moves it. */
    public record Move(int year, String prefix, String activeTable, String path, BigDecimal value) {
    }

    private record Key(int year, String prefix, String activeTable, String path) {
    }

    /** Prefix lengths whose roll-up sums are kept in rollup_cell (0: everywhere). */
    public static final List<Integer> KEPT_PREFIXES = List.of(0, 2, 4, 6);

    private final Map<Key, BigDecimal> sums = new HashMap<>();

    /** Counts a version's cells in the roll-ups of its year and region. */
    public RollupDelta add(Integer year, String regionCode, String activeTable, List<CellExport.Cell> cells) {
        return move(year, regionCode, activeTable, cells, false);
    }

    /** Takes cells the roll-ups counted (a report's previous version) out of them. */
    public RollupDelta remove(Integer year, String regionCode, String activeTable, List<CellExport.Cell> cells) {
        return move(year, regionCode, activeTable, cells, true);
    }

    /** Every sum the batch touches, 0 where its versions cancel out (a sum that may not exist yet is still named). */
    public List<Move> moves() {
        List<Move> moves = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> moves.add(new Move(k.year(), k.prefix(), k.activeTable(), k.path(), v)));
        return moves;
    }

    private RollupDelta move(Integer year, String regionCode, String activeTable, List<CellExport.Cell> cells, boolean out) {
        if (year == null) {
            return this;
        }
        Set<String> prefixes = prefixes(regionCode);
        for (CellExport.Cell cell : cells) {
            BigDecimal value = cell.value() == null ? BigDecimal.ZERO : cell.value();
            BigDecimal signed = out ? value.negate() : value;
            for (String prefix : prefixes) {
                sums.merge(new Key(year, prefix, activeTable, cell.path()), signed, BigDecimal::add);
            }
        }
        return this;
    }

    /** The kept prefixes of a region code, each once ("" only, for a report without a region). */
    static Set<String> prefixes(String regionCode) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (int length : KEPT_PREFIXES) {
            if (length == 0) {
                prefixes.add("");
            } else if (regionCode != null && !regionCode.isEmpty()) {
                prefixes.add(regionCode.substring(0, Math.min(length, regionCode.length())));
            }
        }
        return prefixes;
    }
}
