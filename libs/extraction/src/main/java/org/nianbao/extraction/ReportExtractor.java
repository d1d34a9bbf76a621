package org.nianbao.extraction;

import org.nianbao.model.Report;
import org.nianbao.model.Sections;

import java.util.stream.Stream;

/**
 * Reads a report document into the canonical model. The input type is detected from the content:
 * PDF, DOCX, HTML, or text in a supported encoding. A document over one of its {@link DocumentLimits}, or in
 * which no report is found (no standard table, no part of the narrative), is an {@link UnreadableDocumentException}.
 */
public final class ReportExtractor {
    /** Signs of a report (parts' headings, part 三's first row) that make a text plainly one. */
    private static final int PLAIN_SIGNS = 3;
    private final DocumentLimits limits;

    public ReportExtractor() {
        this(DocumentLimits.DEFAULTS);
    }

    public ReportExtractor(DocumentLimits limits) {
        this.limits = limits;
    }

    /** Reads a document; {@code fileNameHint} may be null and never overrides what the content shows. */
    public Report extract(byte[] content, String fileNameHint) {
        if (content == null || content.length == 0) {
            throw new UnreadableDocumentException("The document is empty.");
        }
        return switch (DocumentType.detect(content)) {
            case PDF -> found(ReportParser.parse(PdfReader.text(content, limits), "pdf"));
            case DOCX -> found(ReportParser.parse(DocxReader.text(content, limits), "docx"));
            case HTML -> found(ReportParser.parse(HtmlReader.text(TextDecoder.decode(content)), "html"));
            case TEXT -> extractText(TextDecoder.decode(content));
        };
    }

    /** Reads report text (HTML markup in it is read as an HTML page). */
    public Report extractText(String text) {
        if (text == null || text.isBlank()) {
            throw new UnreadableDocumentException("The document is empty.");
        }
        if (DocumentType.looksLikeHtml(text)) {
            return found(ReportParser.parse(HtmlReader.text(text), "html"));
        }
        return found(ReportParser.parse(text, "text"));
    }

    /**
     * The cheap part of the checks, for a service receiving documents: a PDF or Word document opens within the
     * limits (without decoding a PDF's page content). Anything else passes.
     */
    public static void precheck(byte[] content, DocumentLimits limits) {
        switch (DocumentType.detect(content)) {
            case PDF -> close(GuardedPdf.open(content, limits, GuardedPdf.Streams.STRUCTURE));
            case DOCX -> GuardedDocx.open(content, limits).revert();
            default -> {
            }
        }
    }

    /**
     * For a service receiving text or HTML (decoded): true when the text plainly is a report, for it names at least
     * {@value #PLAIN_SIGNS} of the six parts' headings and part 三's first row (本年新收), so that reading it in full
     * can wait for extraction. False decides nothing: such a text must be read ({@link #extractText}) to know.
     */
    public static boolean plainlyReport(String text) {
        int signs = text.contains("本年新收") ? 1 : 0;
        for (int h = 0; h < ReportParser.HEADINGS.size() && signs < PLAIN_SIGNS; h++) {
            if (ReportParser.HEADINGS.get(h).matcher(text).find()) {
                signs++;
            }
        }
        return signs >= PLAIN_SIGNS;
    }

    /** The report, unless nothing of one was found: no standard table and no part of the narrative. */
    private static Report found(Report report) {
        Sections s = report.sections;
        boolean nothing = report.active == null && report.applications == null && report.reviewLitigation == null
                && Stream.of(s.overview, s.activeDisclosure, s.applications, s.reviewLitigation, s.problems, s.other)
                .allMatch(part -> part == null || part.isBlank());
        if (nothing) {
            throw new UnreadableDocumentException("No report was found in the document: neither a standard table "
                    + "(parts 二, 三, 四) nor any part of the narrative (一、总体情况 … 六、其他需要报告的事项).");
        }
        return report;
    }

    private static void close(java.io.Closeable document) {
        try {
            document.close();
        } catch (java.io.IOException e) {
            // an in-memory document: nothing to release
        }
    }
}
