package org.nianbao.intake.service;

import org.nianbao.extraction.DocumentLimits;
import org.nianbao.extraction.ReportExtractor;
import org.nianbao.extraction.TextDecoder;
import org.nianbao.extraction.UnreadableDocumentException;
import org.nianbao.web.ProblemException;

import java.util.Locale;

/**
 * Cheap checks that a document is one Nianbao can read, before anything is stored: not empty, not over
 * the limit, a PDF, a DOCX, HTML or text in a known encoding, and not labelled as something it is not; then
 * ({@link #readable}, off the event loop) that it opens within the document limits and holds a report.
 */
public final class DocumentCheck {
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private DocumentCheck() {
    }

    /** The input type ("pdf", "docx", "html", "text") or a ProblemException saying what is wrong. */
    public static String check(byte[] content, String fileName) {
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("The document is empty.");
        }
        checkSize(content.length);
        String type = sniff(content);
        String extension = extension(fileName);
        boolean mislabelled = switch (extension) {
            case "pdf" -> !type.equals("pdf");
            case "docx" -> !type.equals("docx");
            case "txt", "html", "htm" -> type.equals("pdf") || type.equals("docx") || type.equals("zip");
            case "" -> false;
            default -> throw new ProblemException(415, "Unsupported document type",
                    "Files of type ." + extension + " are not accepted: send .txt, .html, .docx or .pdf.");
        };
        if (mislabelled) {
            throw new ProblemException(415, "Mislabelled document",
                    "The file is named ." + extension + " but its content is " + describe(type) + ".");
        }
        if (type.equals("zip")) {
            throw new ProblemException(415, "Unsupported document type",
                    "The file is a zip archive but not a Word (.docx) document.");
        }
        if (type.equals("text")) {
            try {
                if (TextDecoder.decode(content).indexOf('\u0000') >= 0) {
                    throw new ProblemException(415, "Undecodable text",
                            "The document holds NUL characters: it is binary data, not text.");
                }
            } catch (UnreadableDocumentException e) {
                throw new ProblemException(415, "Undecodable text", e.getMessage()
                        + " Text must be UTF-8 (with or without BOM), UTF-16 with BOM, GBK or GB18030.");
            }
        }
        return type;
    }

    /** A 413 ProblemException for a document over the limit. */
    public static void checkSize(long bytes) {
        if (bytes > MAX_BYTES) {
            throw new ProblemException(413, "Document too large",
                    "The document has " + (bytes == MAX_BYTES + 1 ? "more than " + MAX_BYTES : bytes) + " bytes; at most 20 MB ("
                            + MAX_BYTES + " bytes) are accepted.");
        }
    }

    /**
     * A PDF or Word document opens within the limits (encrypted, damaged, too many pages or objects, an object-stream
     * or zip bomb, a DTD, no main part: refused), and text or HTML holds a report; a ProblemException (422) otherwise.
     * Text that plainly is a report (its parts' headings are there) is not read in full here: extraction does that,
     * and fails the submission, with the reason, in the rare case it finds nothing after all. This reads the
     * document: call it on a worker thread.
     */
    public static void readable(byte[] content, String type, DocumentLimits limits) {
        try {
            if (type.equals("pdf") || type.equals("docx")) {
                ReportExtractor.precheck(content, limits);
            } else {
                String text = TextDecoder.decode(content);
                if (!ReportExtractor.plainlyReport(text)) {
                    new ReportExtractor(limits).extractText(text);
                }
            }
        } catch (UnreadableDocumentException e) {
            throw new ProblemException(422, "Unreadable document", e.getMessage());
        }
    }

    static String sniff(byte[] c) {
        if (startsWith(c, "%PDF")) {
            return "pdf";
        }
        if (c.length > 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4) {
            return new String(c, 0, Math.min(c.length, 65536), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("word/") ? "docx" : "zip";
        }
        return "text";
    }

    private static boolean startsWith(byte[] c, String magic) {
        if (c.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (c[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String describe(String type) {
        return switch (type) {
            case "pdf" -> "a PDF";
            case "docx" -> "a Word document";
            case "zip" -> "a zip archive";
            default -> "text";
        };
    }
}
