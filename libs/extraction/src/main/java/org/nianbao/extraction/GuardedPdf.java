package org.nianbao.extraction;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Opens a PDF within {@link DocumentLimits}, refusing with a message a person understands what would cost
 * unbounded work or cannot be read: compressed streams expanding beyond the limit (measured on the raw bytes,
 * before PDFBox decodes any of them: PDFBox 3 decodes a stream whole, in memory; in an encrypted PDF, on the
 * decrypted streams), a password, too many objects,
 * too many pages or none. PDFBox's scratch memory is capped by its own {@link MemoryUsageSetting}.
 */
public final class GuardedPdf {
    /** Which compressed streams are measured: a predicate on the text of the stream's dictionary. */
    public enum Streams {
        /** The streams PDFBox decodes to open a document and count its pages: object and cross-reference streams. */
        STRUCTURE(dict -> dict.contains("/ObjStm") || dict.contains("/XRef")),
        /** Every stream (what a dictionary says it holds is not trusted). */
        ALL(dict -> true);

        private final Predicate<String> measured;

        Streams(Predicate<String> measured) {
            this.measured = measured;
        }
    }

    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.ISO_8859_1);
    private static final int DICTIONARY_LOOKBACK = 64 * 1024;

    private GuardedPdf() {
    }

    /** The open document (the caller closes it), or an UnreadableDocumentException saying why not. */
    public static PDDocument open(byte[] pdf, DocumentLimits limits, Streams measured) {
        checkExpansion(pdf, limits, measured);
        PDDocument document;
        try {
            document = Loader.loadPDF(pdf, "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly(limits.maxExpandedBytes()).streamCache);
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("The PDF is encrypted with a password: it cannot be read. Send it without a password.", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException("The PDF is damaged or incomplete and cannot be read (" + e.getMessage() + ").", e);
        }
        try {
            check(document, limits, measured);
            return document;
        } catch (RuntimeException e) {
            IOUtils.closeQuietly(document);
            throw e instanceof UnreadableDocumentException u ? u
                    : new UnreadableDocumentException("The PDF is damaged and cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static void check(PDDocument document, DocumentLimits limits, Streams measured) {
        int objects = document.getDocument().getXrefTable().size();
        if (objects > limits.maxObjects()) {
            throw new UnreadableDocumentException("The PDF has " + objects + " objects; at most " + limits.maxObjects()
                    + " are read.");
        }
        if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
            throw new UnreadableDocumentException("The PDF is encrypted and does not allow its text to be extracted.");
        }
        if (document.isEncrypted() && measured == Streams.ALL) {
            checkDecryptedExpansion(document, limits);
        }
        int pages = 0;
        for (PDPage ignored : document.getPages()) {
            if (++pages > limits.maxPages()) {
                throw new UnreadableDocumentException("The PDF has more than " + limits.maxPages() + " pages; at most "
                        + limits.maxPages() + " are read.");
            }
        }
        if (pages == 0) {
            throw new UnreadableDocumentException("The PDF has no pages.");
        }
    }

    /**
     * Inflates each Flate stream the predicate selects, counting bytes and keeping none, until all of them together
     * exceed the limit. A stream that does not inflate (damaged, encrypted, another filter first) is left to PDFBox.
     */
    static void checkExpansion(byte[] pdf, DocumentLimits limits, Streams measured) {
        try (Expansion expansion = new Expansion(limits)) {
            for (int at = indexOf(pdf, STREAM, 0); at >= 0; at = indexOf(pdf, STREAM, at + STREAM.length)) {
                int data = dataStart(pdf, at + STREAM.length);
                String dictionary = dictionaryBefore(pdf, at);
                if (data >= 0 && dictionary != null && dictionary.contains("/FlateDecode") && measured.measured.test(dictionary)) {
                    expansion.add(new ByteArrayInputStream(pdf, data, pdf.length - data));
                }
            }
        }
    }

    /**
     * The same for an encrypted document, whose streams the raw bytes do not show: each stream object, decrypted by
     * PDFBox (into its capped scratch memory) but not decoded. Streams never sit inside object streams.
     */
    private static void checkDecryptedExpansion(PDDocument document, DocumentLimits limits) {
        COSDocument cos = document.getDocument();
        try (Expansion expansion = new Expansion(limits)) {
            for (Map.Entry<COSObjectKey, Long> entry : new ArrayList<>(cos.getXrefTable().entrySet())) {
                if (entry.getValue() != null && entry.getValue() >= 0
                        && cos.getObjectFromPool(entry.getKey()).getObject() instanceof COSStream stream
                        && stream.getFilters() != null && stream.getFilters().toString().contains("FlateDecode")) {
                    try (InputStream raw = stream.createRawInputStream()) {
                        expansion.add(raw);
                    } catch (IOException e) {
                        // unreadable stream: PDFBox decides
                    }
                }
            }
        }
    }

    /** Bytes Flate streams expand to, counted as they are inflated and thrown away, up to the limit. */
    private static final class Expansion implements AutoCloseable {
        private final DocumentLimits limits;
        private final Inflater inflater = new Inflater();
        private final byte[] in = new byte[8192];
        private final byte[] out = new byte[64 * 1024];
        private long total;

        Expansion(DocumentLimits limits) {
            this.limits = limits;
        }

        void add(InputStream raw) {
            inflater.reset();
            try {
                while (!inflater.finished() && !inflater.needsDictionary()) {
                    if (inflater.needsInput()) {
                        int n = raw.read(in);
                        if (n < 0) {
                            return;
                        }
                        inflater.setInput(in, 0, n);
                    }
                    total += inflater.inflate(out);
                    if (total > limits.maxExpandedBytes()) {
                        throw new UnreadableDocumentException("The PDF's content expands beyond "
                                + DocumentLimits.size(limits.maxExpandedBytes()) + " (a decompression bomb?): it is not read.");
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new UnreadableDocumentException("Reading the PDF was interrupted.");
                    }
                }
            } catch (DataFormatException | IOException e) {
                // not a zlib stream after all, or cut short: PDFBox decides
            }
        }

        @Override
        public void close() {
            inflater.end();
        }
    }

    /** Where a stream's data begins: after "stream" and its end of line, or -1 if this is not a stream keyword. */
    private static int dataStart(byte[] pdf, int afterKeyword) {
        if (afterKeyword < pdf.length && pdf[afterKeyword] == '\r') {
            afterKeyword++;
        }
        return afterKeyword < pdf.length && pdf[afterKeyword] == '\n' ? afterKeyword + 1 : -1;
    }

    /** The dictionary ending just before a "stream" keyword ("<< … >>" then whitespace), or null if there is none. */
    private static String dictionaryBefore(byte[] pdf, int keyword) {
        int end = keyword - 1;
        while (end >= 0 && (pdf[end] == ' ' || pdf[end] == '\r' || pdf[end] == '\n' || pdf[end] == '\t')) {
            end--;
        }
        int depth = 0;
        for (int i = end; i >= 1 && i > end - DICTIONARY_LOOKBACK; i--) {
            if (pdf[i] == '>' && pdf[i - 1] == '>') {
                depth++;
                i--;
            } else if (pdf[i] == '<' && pdf[i - 1] == '<') {
                if (--depth == 0) {
                    return new String(pdf, i - 1, end + 2 - i, StandardCharsets.ISO_8859_1);
                }
                i--;
            } else if (depth == 0) {
                return null;
            }
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
