package org.nianbao.extraction;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a PDF page shows, in one frame (points, origin top left, page rotation applied as PDFBox applies it
 * to text): its glyphs and the straight horizontal and vertical lines it draws (stroked segments, stroked
 * rectangles' edges, thin filled rectangles), the material tables are rebuilt from.
 */
final class PdfPages {

    /** One glyph: its text, left edge, baseline, width and font size. */
    record Glyph(String text, double x, double baseline, double width, double height) {
        double right() {
            return x + width;
        }

        double top() {
            return baseline - height * 0.8;
        }

        double centerX() {
            return x + width / 2;
        }

        /** The middle of a digit or a CJK character, which is what decides the cell a glyph is in. */
        double centerY() {
            return baseline - height * 0.35;
        }
    }

    /** A straight line: horizontal at y = {@code at} from x = {@code from} to {@code to}, or vertical likewise. */
    record Ruling(boolean horizontal, double at, double from, double to) {
    }

    record Page(List<Glyph> glyphs, List<Ruling> rulings, double height) {
    }

    /** A filled rectangle thinner than this is a line (many generators draw borders that way). */
    private static final double THIN = 3;
    /** Segments within this of horizontal or vertical count as such; shorter ones are dots, not lines. */
    private static final double STRAIGHT = 1;
    private static final double SHORTEST = 2;

    private PdfPages() {
    }

    static List<Page> read(PDDocument document) throws IOException {
        Collector collector = new Collector();
        collector.setSortByPosition(false);
        collector.getText(document);
        return collector.pages;
    }

    /** The text stripper gives the glyphs (overlapping duplicates removed); a graphics pass over the page the lines. */
    private static final class Collector extends PDFTextStripper {
        final List<Page> pages = new ArrayList<>();
        private List<Ruling> rulings;
        private double height;

        @Override
        public void processPage(PDPage page) throws IOException {
            LineCollector lines = new LineCollector(page);
            try {
                lines.processPage(page);
                rulings = lines.rulings;
            } catch (IOException brokenDrawing) {
                rulings = List.of(); // the page's text may still be read, without its tables' lines
            }
            height = page.getRotation() % 180 == 0 ? page.getCropBox().getHeight() : page.getCropBox().getWidth();
            super.processPage(page);
        }

        @Override
        protected void writePage() {
            List<Glyph> glyphs = new ArrayList<>();
            for (List<TextPosition> article : getCharactersByArticle()) {
                for (TextPosition t : article) {
                    String s = t.getUnicode();
                    if (s != null && !s.isBlank() && t.getWidth() > 0) {
                        // the font size, not the glyph height PDFBox estimates from font boxes (wild in some fonts)
                        double size = t.getFontSizeInPt() > 0 ? t.getFontSizeInPt() : t.getHeight();
                        glyphs.add(new Glyph(s, t.getX(), t.getY(), t.getWidth(), size));
                    }
                }
            }
            pages.add(new Page(glyphs, rulings, height));
        }

        @Override
        public String getText(PDDocument doc) throws IOException {
            writeText(doc, new StringWriter());
            return "";
        }
    }

    /** Collects the straight lines a page draws; points arrive in device space and are mapped to the text frame. */
    private static final class LineCollector extends PDFGraphicsStreamEngine {
        final List<Ruling> rulings = new ArrayList<>();
        private final List<double[]> segments = new ArrayList<>();
        private final List<Point2D[]> rectangles = new ArrayList<>();
        private Point2D start;
        private Point2D current;
        private final PDRectangle crop;
        private final int rotation;

        LineCollector(PDPage page) {
            super(page);
            crop = page.getCropBox();
            rotation = ((page.getRotation() % 360) + 360) % 360;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            rectangles.add(new Point2D[]{p0, p1, p2, p3});
            current = p0;
            start = p0;
        }

        @Override
        public void moveTo(float x, float y) {
            current = new Point2D.Float(x, y);
            start = current;
        }

        @Override
        public void lineTo(float x, float y) {
            Point2D to = new Point2D.Float(x, y);
            if (current != null) {
                segments.add(new double[]{current.getX(), current.getY(), x, y});
            }
            current = to;
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current = new Point2D.Float(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
            if (current != null && start != null) {
                segments.add(new double[]{current.getX(), current.getY(), start.getX(), start.getY()});
                current = start;
            }
        }

        @Override
        public void endPath() {
            clear();
        }

        @Override
        public void strokePath() {
            if (visible(true)) {
                segments.forEach(s -> addSegment(s[0], s[1], s[2], s[3]));
                for (Point2D[] r : rectangles) {
                    for (int i = 0; i < 4; i++) {
                        addSegment(r[i].getX(), r[i].getY(), r[(i + 1) % 4].getX(), r[(i + 1) % 4].getY());
                    }
                }
            }
            clear();
        }

        @Override
        public void fillPath(int windingRule) {
            if (visible(false)) {
                rectangles.forEach(this::addThinFill);
                // a closed path of four straight segments is a rectangle too (some generators draw borders so)
                if (segments.size() >= 3 && segments.size() <= 4) {
                    addThinFill(segments.stream().map(s -> new Point2D.Double(s[0], s[1])).toArray(Point2D[]::new));
                }
            }
            clear();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            List<double[]> keptSegments = new ArrayList<>(segments);
            List<Point2D[]> keptRectangles = new ArrayList<>(rectangles);
            fillPath(windingRule);
            segments.addAll(keptSegments);
            rectangles.addAll(keptRectangles);
            strokePath();
        }

        @Override
        public void clip(int windingRule) {
            // the clipping path is not drawn; endPath() that follows discards it
        }

        @Override
        public void drawImage(PDImage pdImage) {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }

        private void clear() {
            segments.clear();
            rectangles.clear();
            start = null;
        }

        /** White (or nearly) lines are invisible on paper: page backgrounds, erased borders. */
        private boolean visible(boolean stroking) {
            try {
                PDColor color = stroking ? getGraphicsState().getStrokingColor() : getGraphicsState().getNonStrokingColor();
                int rgb = color.toRGB();
                return ((rgb >> 16) & 0xFF) < 240 || ((rgb >> 8) & 0xFF) < 240 || (rgb & 0xFF) < 240;
            } catch (IOException | RuntimeException unknownColour) {
                return true;
            }
        }

        private void addThinFill(Point2D[] corners) {
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (Point2D p : corners) {
                double[] q = frame(p.getX(), p.getY());
                minX = Math.min(minX, q[0]);
                maxX = Math.max(maxX, q[0]);
                minY = Math.min(minY, q[1]);
                maxY = Math.max(maxY, q[1]);
            }
            if (maxY - minY <= THIN && maxX - minX >= SHORTEST) {
                rulings.add(new Ruling(true, (minY + maxY) / 2, minX, maxX));
            } else if (maxX - minX <= THIN && maxY - minY >= SHORTEST) {
                rulings.add(new Ruling(false, (minX + maxX) / 2, minY, maxY));
            }
        }

        private void addSegment(double x0, double y0, double x1, double y1) {
            double[] a = frame(x0, y0);
            double[] b = frame(x1, y1);
            if (Math.abs(a[1] - b[1]) <= STRAIGHT && Math.abs(a[0] - b[0]) >= SHORTEST) {
                rulings.add(new Ruling(true, (a[1] + b[1]) / 2, Math.min(a[0], b[0]), Math.max(a[0], b[0])));
            } else if (Math.abs(a[0] - b[0]) <= STRAIGHT && Math.abs(a[1] - b[1]) >= SHORTEST) {
                rulings.add(new Ruling(false, (a[0] + b[0]) / 2, Math.min(a[1], b[1]), Math.max(a[1], b[1])));
            }
        }

        /** Device space to the frame of TextPosition.getX()/getY(): crop box origin, page rotation, y downwards. */
        private double[] frame(double px, double py) {
            double x = px - crop.getLowerLeftX();
            double y = py - crop.getLowerLeftY();
            double w = crop.getWidth();
            double h = crop.getHeight();
            return switch (rotation) {
                case 90 -> new double[]{y, x};
                case 180 -> new double[]{w - x, y};
                case 270 -> new double[]{h - y, w - x};
                default -> new double[]{x, h - y};
            };
        }
    }
}
