package org.nianbao.extraction;

import org.nianbao.extraction.PdfPages.Glyph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Glyphs as lines of words (a cell's text, and the text outside drawn tables). Outside drawn tables, a
 * table laid out without lines may wrap a row's label over several lines with its numbers beside only one
 * of them; such a label line is taken into the row whose numbers are strictly nearest, when it lies wholly
 * left of those numbers between two rows of numbers. Everything else stays a line of its own.
 */
final class PdfLines {
    /** Between glyphs of a line, a gap wider than this share of the glyph height separates words. */
    private static final double WORD_GAP = 0.25;
    private static final Pattern NUMBER = Pattern.compile("[-+−－]?[0-9０-９][0-9０-９,.．]*%?|[/／—–－-]");
    /** A label line joins a row only within this many line heights of it, and only this much nearer than the other. */
    private static final double REACH = 1.6;
    private static final double MARGIN = 0.25;

    /** A word, or words close together: its extent and text. */
    record Segment(double left, double right, String text) {
    }

    /** A line: its baseline, glyph height and words, left to right. */
    record TextLine(double baseline, double height, List<Segment> segments) {
        double top() {
            return baseline - height;
        }

        /**
         * A row of a table without lines: label words, then only numbers (or placeholders); at least two
         * numbers where there is no label (a lone number is a page number).
         */
        boolean isRow() {
            int first = firstNumberIndex();
            return first >= 0 && segments.size() - first >= (first == 0 ? 2 : 1)
                    && segments.stream().skip(first).allMatch(s -> NUMBER.matcher(s.text()).matches());
        }

        private int firstNumberIndex() {
            for (int k = 0; k < segments.size(); k++) {
                if (NUMBER.matcher(segments.get(k).text()).matches()) {
                    return k;
                }
            }
            return -1;
        }

        double firstNumber() {
            return segments.get(firstNumberIndex()).left();
        }

        String text(String separator) {
            return String.join(separator, segments.stream().map(Segment::text).toList());
        }
    }

    private PdfLines() {
    }

    /** The lines of the glyphs outside drawn tables, wrapped labels of tables without lines taken into their rows. */
    static List<TextLine> lines(List<Glyph> glyphs) {
        List<TextLine> lines = group(glyphs).stream().map(PdfLines::line).toList();
        List<TextLine> out = new ArrayList<>(lines);
        for (int i = 0; i < lines.size(); i++) {
            TextLine label = lines.get(i);
            if (label.segments().size() != 1 || label.isRow()) {
                continue;
            }
            TextLine above = nearestRow(lines, i, -1);
            TextLine below = nearestRow(lines, i, 1);
            if (above == null || below == null) {
                continue;
            }
            double up = label.baseline() - above.baseline();
            double down = below.baseline() - label.baseline();
            TextLine row = up < down * (1 - MARGIN) ? above : down < up * (1 - MARGIN) ? below : null;
            if (row == null || Math.min(up, down) > REACH * label.height()
                    || label.segments().get(0).right() >= row.firstNumber()) {
                continue;
            }
            int at = indexOf(out, row);
            out.set(at, attach(out.get(at), label.segments().get(0), row == below));
            out.remove(indexOf(out, label));
        }
        return out;
    }

    /** Glyphs grouped into lines (a glyph joins the line whose baseline is within half its height), top to bottom. */
    static List<List<Glyph>> group(List<Glyph> glyphs) {
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

    /** One line's glyphs (left to right) as words. */
    static TextLine line(List<Glyph> line) {
        return new TextLine(line.get(0).baseline(), line.stream().mapToDouble(Glyph::height).max().orElse(0), segments(line));
    }

    /** The next line in {@code direction} that is a row, if only label lines lie between. */
    private static TextLine nearestRow(List<TextLine> lines, int from, int direction) {
        for (int j = from + direction; j >= 0 && j < lines.size(); j += direction) {
            TextLine l = lines.get(j);
            if (l.isRow()) {
                return l;
            }
            if (l.segments().size() != 1) {
                return null;
            }
        }
        return null;
    }

    private static int indexOf(List<TextLine> lines, TextLine line) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) == line || lines.get(i).baseline() == line.baseline()) {
                return i;
            }
        }
        throw new IllegalStateException("line not found");
    }

    /** The label piece joined to the row's label segment it lies over or under (before it when above). */
    private static TextLine attach(TextLine row, Segment piece, boolean above) {
        List<Segment> segments = new ArrayList<>(row.segments());
        int over = -1;
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            if (s.left() < piece.right() && piece.left() < s.right()) {
                over = k;
                break;
            }
        }
        if (over < 0) {
            segments.add(piece);
            segments.sort(Comparator.comparingDouble(Segment::left));
        } else {
            Segment s = segments.get(over);
            String text = above ? piece.text() + s.text() : s.text() + piece.text();
            segments.set(over, new Segment(Math.min(s.left(), piece.left()), Math.max(s.right(), piece.right()), text));
        }
        return new TextLine(row.baseline(), row.height(), segments);
    }

    private static List<Segment> segments(List<Glyph> line) {
        List<Segment> segments = new ArrayList<>();
        List<Glyph> word = new ArrayList<>();
        for (Glyph g : line) {
            Glyph previous = word.isEmpty() ? null : word.get(word.size() - 1);
            if (previous != null && g.x() - previous.right() > WORD_GAP * Math.max(g.height(), previous.height())) {
                segments.add(segment(word));
                word = new ArrayList<>();
            }
            word.add(g);
        }
        if (!word.isEmpty()) {
            segments.add(segment(word));
        }
        return segments;
    }

    private static Segment segment(List<Glyph> word) {
        StringBuilder text = new StringBuilder();
        word.forEach(g -> text.append(g.text()));
        return new Segment(word.get(0).x(), word.get(word.size() - 1).right(), text.toString());
    }
}
