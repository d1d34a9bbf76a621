package org.nianbao.extraction;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Draws test PDFs with PDFBox: text and lines placed by coordinates measured from the top left of an A4
 * page, in a CJK font embedded from the system (the test is skipped where the font is not installed).
 */
final class PdfDrawing implements AutoCloseable {
    static final File CJK_FONT = new File("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    static final float SIZE = 10;

    private final PDDocument document = new PDDocument();
    private final TrueTypeCollection collection;
    private final PDType0Font font;
    private PDPageContentStream content;
    private float height;

    PdfDrawing() throws IOException {
        Assumptions.assumeTrue(CJK_FONT.isFile(), "skipped: no CJK font at " + CJK_FONT + " (package fonts-wqy-zenhei)");
        collection = new TrueTypeCollection(CJK_FONT);
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        collection.processAllFonts(f -> first.compareAndSet(null, f));
        font = PDType0Font.load(document, first.get(), true);
        newPage();
    }

    PdfDrawing newPage() throws IOException {
        return newPage(false);
    }

    /**
     * A new page; {@code landscape}: an A4 page turned by /Rotate 90 whose content is drawn turned back, so
     * that it reads upright when shown (as printers of wide tables do), with coordinates on the shown page.
     */
    PdfDrawing newPage(boolean landscape) throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        content.setLineWidth(0.5f);
        if (landscape) {
            page.setRotation(90);
            // shown x runs up the unrotated page, shown y (downwards) runs along its x
            content.transform(new Matrix(0, 1, -1, 0, PDRectangle.A4.getWidth(), 0));
            height = PDRectangle.A4.getWidth();
        } else {
            height = PDRectangle.A4.getHeight();
        }
        return this;
    }

    /** Text with its baseline at {@code baseline} from the top. */
    PdfDrawing text(float x, float baseline, String text) throws IOException {
        content.beginText();
        content.setFont(font, SIZE);
        content.newLineAtOffset(x, height - baseline);
        content.showText(text);
        content.endText();
        return this;
    }

    /** A stroked line. */
    PdfDrawing line(float x0, float y0, float x1, float y1) throws IOException {
        content.moveTo(x0, height - y0);
        content.lineTo(x1, height - y1);
        content.stroke();
        return this;
    }

    /** A filled rectangle (a border drawn the way some generators draw it, when thin). */
    PdfDrawing fill(float x, float top, float width, float h) throws IOException {
        content.addRect(x, height - top - h, width, h);
        content.fill();
        return this;
    }

    /** A grid of lines: every x from the first to the last y, every y from the first to the last x. */
    PdfDrawing grid(float[] xs, float[] ys) throws IOException {
        for (float x : xs) {
            line(x, ys[0], x, ys[ys.length - 1]);
        }
        for (float y : ys) {
            line(xs[0], y, xs[xs.length - 1], y);
        }
        return this;
    }

    byte[] bytes() throws IOException {
        content.close();
        content = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
        }
        document.close();
        collection.close();
    }
}
