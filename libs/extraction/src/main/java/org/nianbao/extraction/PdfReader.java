package org.nianbao.extraction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;

/**
 * PDF text with Apache PDFBox, words sorted by position so a table row reads left to right on one line;
 * the parser then reads it as layout-space text.
 */
final class PdfReader {
    private PdfReader() {
    }

    static String text(byte[] pdf, DocumentLimits limits) {
        try (PDDocument document = GuardedPdf.open(pdf, limits, GuardedPdf.Streams.ALL)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setWordSeparator("  ");
            String text = stripper.getText(document);
            if (text.strip().isEmpty()) {
                throw new UnreadableDocumentException("The PDF has no text layer (a scanned image?): it cannot be read.");
            }
            return text;
        } catch (IOException e) {
            throw new UnreadableDocumentException("The PDF cannot be read: " + e.getMessage(), e);
        }
    }
}
