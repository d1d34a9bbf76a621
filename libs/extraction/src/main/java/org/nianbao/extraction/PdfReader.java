package org.nianbao.extraction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.nianbao.extraction.PdfGrid.Cell;
import org.nianbao.extraction.PdfGrid.Table;
import org.nianbao.extraction.PdfPages.Glyph;
import org.nianbao.extraction.PdfPages.Page;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PDF text with Apache PDFBox, in the form the other structural readers give: text outside tables as lines
 * in reading order, and every table rebuilt from the lines the page draws ({@link PdfGrid}), each row as one
 * line with its cells separated by tabs (a merged cell once, in its first row). A table's text is its
 * cells' glyphs, whatever the lines they wrap over. Where no lines are drawn, the words of a line are
 * separated by layout spaces, which the parser reads as such.
 */
final class PdfReader {
    /** Layout-space separator, as the parser's space layout expects between cells. */
    private static final String LAYOUT_SPACE = "  ";

    private static final Pattern DIGIT = Pattern.compile("[0-9０-９]");
    /** How numbered row labels begin: "一、", "（三）", "3.", "3、". */
    private static final Pattern ROW_ORDINAL = Pattern.compile("\\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\\d+[.、．])");

    private PdfReader() {
    }

    static String text(byte[] pdf, DocumentLimits limits) {
        try (PDDocument document = GuardedPdf.open(pdf, limits, GuardedPdf.Streams.ALL)) {
            List<Page> pages = PdfPages.read(document);
            List<List<Block>> pageBlocks = pages.stream().map(PdfReader::blocks).toList();
            Set<String> running = runningLines(pages, pageBlocks);
            List<Block> blocks = new ArrayList<>();
            for (List<Block> page : pageBlocks) {
                List<Block> next = new ArrayList<>(page);
                next.removeIf(b -> b instanceof Line l && running.contains(runningKey(l.text())));
                continueTable(blocks, next);
                blocks.addAll(next);
            }
            StringBuilder out = new StringBuilder();
            for (Block b : blocks) {
                if (b instanceof Line line) {
                    out.append(line.text()).append('\n');
                } else if (b instanceof Rows rows) {
                    out.append('\n');
                    rows.rows().forEach(r -> out.append(String.join("\t", r)).append('\n'));
                    out.append('\n');
                }
            }
            if (out.toString().isBlank()) {
                throw new UnreadableDocumentException("The PDF has no text layer (a scanned image?): it cannot be read.");
            }
            return out.toString();
        } catch (IOException e) {
            throw new UnreadableDocumentException("The PDF cannot be read: " + e.getMessage(), e);
        }
    }

    /** What a page shows, in reading order: lines of text, and tables. */
    private sealed interface Block permits Line, Rows {
        double top();
    }

    private record Line(double top, String text) implements Block {
    }

    /**
     * A table as rows of cell texts, with its column lines and which cells of its last row are filled up to
     * their right edge (text a page break may have cut).
     */
    private record Rows(double top, double[] xs, List<List<String>> rows, List<Boolean> lastRowFull) implements Block {
    }

    private static List<Block> blocks(Page page) {
        List<Table> tables = PdfGrid.tables(page.rulings());
        Map<Table, Map<Cell, List<Glyph>>> inCells = new LinkedHashMap<>();
        tables.forEach(t -> inCells.put(t, new LinkedHashMap<>()));
        List<Glyph> free = new ArrayList<>();
        for (Glyph g : page.glyphs()) {
            Table table = tables.stream().filter(t -> t.contains(g.centerX(), g.centerY())).findFirst().orElse(null);
            Cell cell = table == null ? null
                    : table.cells().stream().filter(c -> c.contains(g.centerX(), g.centerY())).findFirst().orElse(null);
            if (cell == null) {
                free.add(g);
            } else {
                inCells.get(table).computeIfAbsent(cell, c -> new ArrayList<>()).add(g);
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (PdfLines.TextLine line : PdfLines.lines(free)) {
            String text = line.text(LAYOUT_SPACE);
            if (!isPageNumber(text)) {
                blocks.add(new Line(line.top(), text));
            }
        }
        for (Table t : tables) {
            Rows rows = rows(t, inCells.get(t));
            if (!rows.rows().isEmpty()) {
                blocks.add(rows);
            }
        }
        blocks.sort(Comparator.comparingDouble(Block::top));
        return blocks;
    }

    /** The cells of each grid row in column order, a merged cell's text in its first row only (blank after). */
    private static Rows rows(Table table, Map<Cell, List<Glyph>> glyphs) {
        List<List<String>> rows = new ArrayList<>();
        List<Boolean> lastFull = List.of();
        for (int r = 0; r < table.rows(); r++) {
            List<String> row = new ArrayList<>();
            List<Boolean> full = new ArrayList<>();
            for (Cell c : table.cells()) {
                if (c.row() <= r && r < c.rowEnd()) {
                    List<Glyph> in = c.row() == r ? glyphs.getOrDefault(c, List.of()) : List.of();
                    row.add(cellText(in));
                    full.add(filledToTheRight(c, in));
                }
            }
            if (row.stream().anyMatch(t -> !t.isEmpty())) {
                rows.add(row);
                lastFull = full;
            }
        }
        return new Rows(table.top(), table.xs(), rows, lastFull);
    }

    /** Whether the cell's last line of text ends less than two characters short of the cell's right edge. */
    private static boolean filledToTheRight(Cell cell, List<Glyph> glyphs) {
        if (glyphs.isEmpty()) {
            return false;
        }
        List<List<Glyph>> lines = PdfLines.group(glyphs);
        Glyph end = lines.get(lines.size() - 1).stream().max(Comparator.comparingDouble(Glyph::right)).orElseThrow();
        return cell.right() - end.right() < 2 * end.height();
    }

    /**
     * A table that ends one page and begins the next (with only page numbers between) is one table: the
     * header rows the next page repeats are dropped, and a row the break split is joined up again cell by cell.
     */
    private static void continueTable(List<Block> before, List<Block> page) {
        int last = before.size() - 1;
        while (last >= 0 && before.get(last) instanceof Line l && isPageNumber(l.text())) {
            last--;
        }
        int first = 0;
        while (first < page.size() && page.get(first) instanceof Line l && isPageNumber(l.text())) {
            first++;
        }
        if (last < 0 || first == page.size() || !(before.get(last) instanceof Rows above) || !(page.get(first) instanceof Rows below)
                || !sameColumns(above.xs(), below.xs())) {
            return;
        }
        List<List<String>> rows = new ArrayList<>(above.rows());
        List<List<String>> more = new ArrayList<>(below.rows());
        int repeated = 0;
        while (repeated < more.size() - 1 && repeated < rows.size() && more.get(repeated).equals(rows.get(repeated))) {
            repeated++;
        }
        more = more.subList(repeated, more.size());
        List<String> split = rows.get(rows.size() - 1);
        if (isRest(split, more.get(0), above.lastRowFull())) {
            List<String> joined = new ArrayList<>();
            for (int c = 0; c < split.size(); c++) {
                joined.add(join(split.get(c), more.get(0).get(c)));
            }
            rows.set(rows.size() - 1, joined);
            more = more.subList(1, more.size());
        }
        rows.addAll(more);
        before.subList(last, before.size()).clear();
        page.subList(0, first + 1).clear();
        before.add(new Rows(above.top(), above.xs(), rows, below.lastRowFull()));
    }

    /**
     * Whether {@code next} is what a page break cut off {@code row}: the rest of the text of some of its cells,
     * each of which runs up to its right edge on the page before (the text went on), and nothing else: no
     * number, nothing that begins a numbered row label, the other cells empty. Borders do not tell: some
     * generators leave them open at every page break, others close them where a row is split.
     */
    private static boolean isRest(List<String> row, List<String> next, List<Boolean> full) {
        if (row.size() != next.size() || full.size() != row.size()) {
            return false;
        }
        boolean partial = false;
        for (int c = 0; c < row.size(); c++) {
            String rest = next.get(c);
            if (!rest.isEmpty() && (row.get(c).isEmpty() || !full.get(c) || DIGIT.matcher(rest).find()
                    || ROW_ORDINAL.matcher(rest).lookingAt())) {
                return false;
            }
            partial |= rest.isEmpty() && !row.get(c).isEmpty();
        }
        return partial;
    }

    /** The page's top and bottom share of its height where running headers and footers stand. */
    private static final double MARGIN_ZONE = 0.12;

    /**
     * Running headers and footers (a browser's date, title and address lines, a report's running title):
     * lines in the top or bottom margin zone that recur, digits aside, on more than one page. They are dropped,
     * so a table flowing over the page break stays one and the document's first line is its own.
     */
    private static Set<String> runningLines(List<Page> pages, List<List<Block>> pageBlocks) {
        Map<String, Integer> pagesWith = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            double height = pages.get(p).height();
            pageBlocks.get(p).stream()
                    .filter(b -> b instanceof Line && (b.top() < height * MARGIN_ZONE || b.top() > height * (1 - MARGIN_ZONE)))
                    .map(b -> runningKey(((Line) b).text())).distinct()
                    .forEach(key -> pagesWith.merge(key, 1, Integer::sum));
        }
        Set<String> running = new HashSet<>();
        pagesWith.forEach((key, n) -> {
            if (n >= 2) {
                running.add(key);
            }
        });
        return running;
    }

    private static String runningKey(String line) {
        return line.replaceAll("[0-9０-９]+", "#").replaceAll("\\s+", "");
    }

    private static boolean isPageNumber(String line) {
        String t = line.strip();
        return RowReader.PAGE_NUMBER.matcher(t.replace(" ", "")).matches() || t.matches("\\d{1,3}");
    }

    /**
     * Whether two tables have the same columns: the same outer edges, and the column lines of one among
     * those of the other (a page of rows that merge some columns draws fewer lines).
     */
    private static boolean sameColumns(double[] a, double[] b) {
        double[] fewer = a.length <= b.length ? a : b;
        double[] more = fewer == a ? b : a;
        if (Math.abs(a[0] - b[0]) > 2 * PdfGrid.SAME || Math.abs(a[a.length - 1] - b[b.length - 1]) > 2 * PdfGrid.SAME) {
            return false;
        }
        for (double x : fewer) {
            if (Arrays.stream(more).noneMatch(y -> Math.abs(x - y) <= 2 * PdfGrid.SAME)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cell's lines joined into one text: a label wrapped in its cell is one label; digits that end one line
     * and begin the next stay apart, so two numbers (or one broken number) are never read as one.
     */
    static String cellText(List<Glyph> glyphs) {
        String text = "";
        for (List<Glyph> line : PdfLines.group(glyphs)) {
            text = join(text, PdfLines.line(line).text(" "));
        }
        return text;
    }

    /** Two pieces of one cell's text: joined up, but with a space between letters or digits. */
    private static String join(String a, String b) {
        boolean apart = !a.isEmpty() && !b.isEmpty() && isWordChar(a.charAt(a.length() - 1)) && isWordChar(b.charAt(0));
        return a + (apart ? " " : "") + b;
    }

    /** Latin letters and digits keep a space where a line breaks between two of them; CJK text joins up. */
    private static boolean isWordChar(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c) || c >= '０' && c <= '９';
    }
}
