package org.nianbao.extraction;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.nianbao.extraction.PdfGrid.Cell;
import org.nianbao.extraction.PdfGrid.Table;
import org.nianbao.extraction.PdfPages.Glyph;
import org.nianbao.extraction.PdfPages.Page;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PDF text with Apache PDFBox, in the form the other structural readers give: text outside tables as lines
 * in reading order, and every table rebuilt from the lines the page draws ({@link PdfGrid}), each row as one
 * line with its cells separated by tabs (a merged cell once, in its first row). A table's text is its
 * cells' glyphs, whatever the lines they wrap over. Where no lines are drawn, the words of a line are
 * separated by layout spaces, which the parser reads as such.
 */
final class PdfReader {
    /** Between glyphs of a line, a gap wider than this share of the glyph height separates words. */
    private static final double WORD_GAP = 0.25;
    /** Layout-space separator, as the parser's space layout expects between cells. */
    private static final String LAYOUT_SPACE = "  ";

    private PdfReader() {
    }

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new UnreadableDocumentException("The PDF does not allow its text to be extracted.");
            }
            StringBuilder out = new StringBuilder();
            for (Page page : PdfPages.read(document)) {
                appendPage(out, page);
            }
            if (out.toString().isBlank()) {
                throw new UnreadableDocumentException("The PDF has no text layer (a scanned image?): it cannot be read.");
            }
            return out.toString();
        } catch (IOException e) {
            throw new UnreadableDocumentException("The PDF cannot be read: " + e.getMessage(), e);
        }
    }

    private static void appendPage(StringBuilder out, Page page) {
        List<Table> tables = PdfGrid.tables(page.rulings());
        Map<Table, Map<Cell, List<Glyph>>> inCells = new LinkedHashMap<>();
        tables.forEach(t -> inCells.put(t, new LinkedHashMap<>()));
        List<Glyph> free = new ArrayList<>();
        for (Glyph g : page.glyphs()) {
            Cell cell = null;
            Table table = null;
            for (Table t : tables) {
                if (t.contains(g.centerX(), g.centerY())) {
                    table = t;
                    cell = t.cells().stream().filter(c -> c.contains(g.centerX(), g.centerY())).findFirst().orElse(null);
                    break;
                }
            }
            if (cell == null) {
                free.add(g);
            } else {
                inCells.get(table).computeIfAbsent(cell, c -> new ArrayList<>()).add(g);
            }
        }
        // text lines and tables in reading order, by their tops
        List<Object[]> blocks = new ArrayList<>();
        for (List<Glyph> line : lines(free)) {
            blocks.add(new Object[]{line.stream().mapToDouble(Glyph::top).min().orElse(0), lineText(line, LAYOUT_SPACE)});
        }
        for (Table t : tables) {
            String rows = tableText(t, inCells.get(t));
            if (!rows.isEmpty()) {
                blocks.add(new Object[]{t.top(), "\n" + rows});
            }
        }
        blocks.sort(Comparator.comparingDouble(b -> (double) b[0]));
        blocks.forEach(b -> out.append((String) b[1]).append('\n'));
    }

    /** One line per grid row: the cells of the row in column order, a merged cell's text in its first row only. */
    private static String tableText(Table table, Map<Cell, List<Glyph>> glyphs) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < table.rows(); r++) {
            List<String> row = new ArrayList<>();
            boolean any = false;
            for (Cell c : table.cells()) {
                if (c.row() <= r && r < c.rowEnd()) {
                    String text = c.row() == r ? cellText(glyphs.getOrDefault(c, List.of())) : "";
                    any |= !text.isEmpty();
                    row.add(text);
                }
            }
            if (any) {
                out.append(String.join("\t", row)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * A cell's lines joined into one text: a label wrapped in its cell is one label; digits that end one line
     * and begin the next stay apart, so two numbers (or one broken number) are never read as one.
     */
    static String cellText(List<Glyph> glyphs) {
        StringBuilder text = new StringBuilder();
        for (List<Glyph> line : lines(glyphs)) {
            String t = lineText(line, " ");
            if (!text.isEmpty() && (isWordChar(text.charAt(text.length() - 1)) && isWordChar(t.charAt(0)))) {
                text.append(' ');
            }
            text.append(t);
        }
        return text.toString();
    }

    /** Latin letters and digits keep a space where a line breaks between two of them; CJK text joins up. */
    private static boolean isWordChar(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c) || c >= '０' && c <= '９';
    }

    /** Glyphs grouped into lines (a glyph joins the line whose baseline is within half its height), top to bottom. */
    static List<List<Glyph>> lines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::baseline));
        List<List<Glyph>> lines = new ArrayList<>();
        List<Glyph> line = null;
        double baseline = 0;
        for (Glyph g : sorted) {
            if (line == null || g.baseline() - baseline > g.height() / 2) {
                line = new ArrayList<>();
                lines.add(line);
                baseline = g.baseline();
            }
            line.add(g);
        }
        lines.forEach(l -> l.sort(Comparator.comparingDouble(Glyph::x)));
        return lines;
    }

    /** A line's glyphs left to right, {@code separator} where the gap between two is wider than a word gap. */
    static String lineText(List<Glyph> line, String separator) {
        StringBuilder text = new StringBuilder();
        Glyph previous = null;
        for (Glyph g : line) {
            if (previous != null && g.x() - previous.right() > WORD_GAP * Math.max(g.height(), previous.height())) {
                text.append(separator);
            }
            text.append(g.text());
            previous = g;
        }
        return text.toString();
    }
}
