package org.nianbao.extraction;

import org.nianbao.model.Report;

/**
 * Reads a report document into the canonical model. The input type is detected from the content:
 * PDF, DOCX, HTML, or text in a supported encoding.
 */
public final class ReportExtractor {

    /** Reads a document; {@code fileNameHint} may be null and never overrides what the content shows. */
    public Report extract(byte[] content, String fileNameHint) {
        if (content == null || content.length == 0) {
            throw new UnreadableDocumentException("The document is empty.");
        }
        return switch (DocumentType.detect(content)) {
            case PDF -> ReportParser.parse(PdfReader.text(content), "pdf");
            case DOCX -> ReportParser.parse(DocxReader.text(content), "docx");
            case HTML -> ReportParser.parse(HtmlReader.text(TextDecoder.decode(content)), "html");
            case TEXT -> extractText(TextDecoder.decode(content));
        };
    }

    /** Reads report text (HTML markup in it is read as an HTML page). */
    public Report extractText(String text) {
        if (text == null || text.isBlank()) {
            throw new UnreadableDocumentException("The document is empty.");
        }
        if (DocumentType.looksLikeHtml(text)) {
            return ReportParser.parse(HtmlReader.text(text), "html");
        }
        return ReportParser.parse(text, "text");
    }
}
