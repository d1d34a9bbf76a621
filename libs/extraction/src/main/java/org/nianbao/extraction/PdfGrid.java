package org.nianbao.extraction;

import org.nianbao.extraction.PdfPages.Ruling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables rebuilt from the lines a page draws: lines that touch form one table; their positions give the
 * grid; a grid line that is not drawn between two neighbouring grid cells makes them one (merged) cell.
 */
final class PdfGrid {
    /** Positions closer than this are one line (double borders, anti-aliasing offsets, line widths). */
    static final double SAME = 2;

    /** A cell of a table: its rectangle and the grid rows and columns it covers (last exclusive). */
    record Cell(double left, double top, double right, double bottom, int row, int rowEnd, int column, int columnEnd) {
        boolean contains(double x, double y) {
            return x >= left && x < right && y >= top && y < bottom;
        }
    }

    /** A table: its grid lines (column x, row y), and its cells, each once, in reading order. */
    record Table(double[] xs, double[] ys, List<Cell> cells) {
        double top() {
            return ys[0];
        }

        double bottom() {
            return ys[ys.length - 1];
        }

        int rows() {
            return ys.length - 1;
        }

        boolean contains(double x, double y) {
            return x >= xs[0] && x < xs[xs.length - 1] && y >= ys[0] && y < ys[ys.length - 1];
        }
    }

    private PdfGrid() {
    }

    /** Beyond this many lines a page is a drawing (a chart, a map), not tables; its text is read without them. */
    static final int MOST_LINES = 3000;

    /** The page's tables, top to bottom; drawn boxes of one column are not tables (a lone row is: a page may end a table). */
    static List<Table> tables(List<Ruling> rulings) {
        List<Ruling> lines = merge(rulings);
        if (lines.size() > MOST_LINES) {
            return List.of();
        }
        int[] parent = new int[lines.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < lines.size(); i++) {
            for (int j = i + 1; j < lines.size(); j++) {
                if (touch(lines.get(i), lines.get(j))) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Map<Integer, List<Ruling>> components = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(lines.get(i));
        }
        List<Table> tables = new ArrayList<>();
        for (List<Ruling> component : components.values()) {
            Table table = table(component);
            if (table != null) {
                tables.add(table);
            }
        }
        tables.sort(Comparator.comparingDouble(Table::top));
        return tables;
    }

    private static Table table(List<Ruling> lines) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Ruling r : lines) {
            if (r.horizontal()) {
                ys.add(r.at());
                xs.add(r.from()); // a table without side borders ends where its horizontal lines end
                xs.add(r.to());
            } else {
                xs.add(r.at());
                ys.add(r.from());
                ys.add(r.to());
            }
        }
        double[] gx = cluster(xs);
        double[] gy = cluster(ys);
        int rows = gy.length - 1;
        int columns = gx.length - 1;
        if (rows < 1 || columns < 2) {
            return null;
        }
        // union grid cells that no drawn line separates
        int[] parent = new int[rows * columns];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double midY = (gy[r] + gy[r + 1]) / 2;
                double midX = (gx[c] + gx[c + 1]) / 2;
                if (c + 1 < columns && !drawn(lines, false, gx[c + 1], midY)) {
                    parent[find(parent, r * columns + c)] = find(parent, r * columns + c + 1);
                }
                if (r + 1 < rows && !drawn(lines, true, gy[r + 1], midX)) {
                    parent[find(parent, r * columns + c)] = find(parent, (r + 1) * columns + c);
                }
            }
        }
        // each merged cell's extent: first and last grid row and column of its grid cells
        Map<Integer, int[]> extent = new LinkedHashMap<>();
        for (int j = 0; j < parent.length; j++) {
            int r = j / columns;
            int c = j % columns;
            int[] e = extent.computeIfAbsent(find(parent, j), k -> new int[]{r, r, c, c});
            e[0] = Math.min(e[0], r);
            e[1] = Math.max(e[1], r);
            e[2] = Math.min(e[2], c);
            e[3] = Math.max(e[3], c);
        }
        List<Cell> cells = new ArrayList<>();
        for (int[] e : extent.values()) {
            cells.add(new Cell(gx[e[2]], gy[e[0]], gx[e[3] + 1], gy[e[1] + 1], e[0], e[1] + 1, e[2], e[3] + 1));
        }
        cells.sort(Comparator.comparingInt(Cell::row).thenComparingInt(Cell::column));
        return new Table(gx, gy, cells);
    }

    /** Whether a line of the table runs through the point at {@code along} on the grid line at {@code at}. */
    private static boolean drawn(List<Ruling> lines, boolean horizontal, double at, double along) {
        for (Ruling r : lines) {
            if (r.horizontal() == horizontal && Math.abs(r.at() - at) <= SAME && r.from() - SAME <= along && along <= r.to() + SAME) {
                return true;
            }
        }
        return false;
    }

    private static boolean touch(Ruling a, Ruling b) {
        if (a.horizontal() == b.horizontal()) {
            return Math.abs(a.at() - b.at()) <= SAME && a.from() <= b.to() + SAME && b.from() <= a.to() + SAME;
        }
        Ruling h = a.horizontal() ? a : b;
        Ruling v = a.horizontal() ? b : a;
        return h.from() - SAME <= v.at() && v.at() <= h.to() + SAME && v.from() - SAME <= h.at() && h.at() <= v.to() + SAME;
    }

    /** Collinear pieces (dashes, a border drawn cell by cell) joined into whole lines. */
    static List<Ruling> merge(List<Ruling> rulings) {
        List<Ruling> sorted = new ArrayList<>(rulings);
        sorted.sort(Comparator.comparing(Ruling::horizontal).thenComparingDouble(Ruling::at));
        List<Ruling> merged = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            // the lines at one position (within SAME of the first), joined where they overlap or touch
            Ruling first = sorted.get(i);
            int j = i;
            while (j < sorted.size() && sorted.get(j).horizontal() == first.horizontal() && sorted.get(j).at() - first.at() <= SAME) {
                j++;
            }
            List<Ruling> group = new ArrayList<>(sorted.subList(i, j));
            group.sort(Comparator.comparingDouble(Ruling::from));
            Ruling line = null;
            for (Ruling r : group) {
                if (line != null && r.from() <= line.to() + SAME) {
                    line = new Ruling(line.horizontal(), line.at(), line.from(), Math.max(line.to(), r.to()));
                } else {
                    if (line != null) {
                        merged.add(line);
                    }
                    line = r;
                }
            }
            merged.add(line);
            i = j;
        }
        return merged;
    }

    /** Positions grouped: values within {@link #SAME} of the group's first are one grid line (their mean). */
    private static double[] cluster(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        List<Double> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            double sum = 0;
            while (j < sorted.size() && sorted.get(j) - sorted.get(i) <= SAME) {
                sum += sorted.get(j++);
            }
            out.add(sum / (j - i));
            i = j;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
