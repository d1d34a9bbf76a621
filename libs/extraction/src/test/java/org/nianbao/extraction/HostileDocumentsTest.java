package org.nianbao.extraction;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.nianbao.model.Report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile and unreadable documents, each made here, are refused quickly with a message saying why, without
 * expanding them in memory; a document in which no report is found is refused too, never read as an empty report.
 */
class HostileDocumentsTest {
    private static final Duration QUICKLY = Duration.ofSeconds(15);
    private final ReportExtractor extractor = new ReportExtractor();

    // ---- PDF -------------------------------------------------------------------------------------------

    @Test
    void aPdfWhoseContentInflatesToOneGibibyteIsRefusedWithoutInflatingIt() {
        byte[] bomb = pdf(doc -> {
            PDPage page = new PDPage();
            doc.addPage(page);
            page.setContents(new PDStream(flate(doc, 1L << 30)));
        });
        assertThat(bomb.length).isLessThan(2 << 20);
        assertRefused(bomb, "The PDF's content expands beyond 200 MB");
        // intake's cheap check decodes only what opening needs, so this bomb gets past it, to be refused by extraction
        assertThatCode(() -> ReportExtractor.precheck(bomb, DocumentLimits.DEFAULTS)).doesNotThrowAnyException();
    }

    @Test
    void theLimitCountsEveryStreamWhateverItsDictionarySays() {
        ReportExtractor tenMegabytes = new ReportExtractor(new DocumentLimits(1000, 500_000, 10L << 20, 0.01, Duration.ofSeconds(20)));
        String reason = "The PDF's content expands beyond 10 MB";
        // three pages of 4 MB each: none over the limit alone, together they are
        assertRefused(tenMegabytes, pdf(doc -> {
            for (int i = 0; i < 3; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                page.setContents(new PDStream(flate(doc, 4L << 20)));
            }
        }), reason);
        // a content stream claiming to be an image is measured all the same
        assertRefused(tenMegabytes, pdf(doc -> {
            PDPage page = new PDPage();
            doc.addPage(page);
            COSStream content = flate(doc, 20L << 20);
            content.setItem(COSName.SUBTYPE, COSName.IMAGE);
            page.setContents(new PDStream(content));
        }), reason);
        // encrypted without a user password (opens, reads): its streams are measured once decrypted
        assertRefused(tenMegabytes, pdf(doc -> {
            PDPage page = new PDPage();
            doc.addPage(page);
            page.setContents(new PDStream(flate(doc, 20L << 20)));
            doc.protect(new StandardProtectionPolicy("owner-secret", "", new AccessPermission()));
        }), reason);
    }

    @Test
    void anObjectStreamBombIsRefusedEvenByTheCheapCheck() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        deflate(out, 300L << 20);
        out.write("\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> ReportExtractor.precheck(out.toByteArray(),
                DocumentLimits.DEFAULTS)).isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("expands beyond 200 MB"));
    }

    @Test
    void aPasswordProtectedPdfIsRefusedAsEncrypted() {
        byte[] encrypted = pdf(doc -> {
            textPage(doc, "Government information disclosure annual report");
            doc.protect(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
        });
        assertRefused(encrypted, "The PDF is encrypted with a password");
        assertThatThrownBy(() -> ReportExtractor.precheck(encrypted, DocumentLimits.DEFAULTS))
                .hasMessageContaining("encrypted with a password");
    }

    @Test
    void aPdfForbiddingTextExtractionIsRefused() {
        AccessPermission noExtraction = new AccessPermission();
        noExtraction.setCanExtractContent(false);
        byte[] locked = pdf(doc -> {
            textPage(doc, "Government information disclosure annual report");
            doc.protect(new StandardProtectionPolicy("owner-secret", "", noExtraction));
        });
        assertRefused(locked, "The PDF is encrypted and does not allow its text to be extracted.");
    }

    @Test
    void truncatedPdfsAndABareHeaderAreRefused() {
        byte[] whole = pdf(doc -> {
            for (int i = 0; i < 20; i++) {
                textPage(doc, "Page " + i + " of a report that will not arrive whole");
            }
        });
        assertRefused("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1), "The PDF is damaged or incomplete");
        for (int cut : new int[]{100, whole.length / 3, whole.length / 2}) {
            assertRefused(Arrays.copyOf(whole, cut), "PDF");
        }
    }

    @Test
    void aPdfWithThousandsOfPagesIsRefusedBeforeItsTextIsRead() {
        byte[] pages = pdf(doc -> {
            for (int i = 0; i < 5000; i++) {
                doc.addPage(new PDPage());
            }
        });
        assertRefused(pages, "The PDF has more than 1000 pages; at most 1000 are read.");
        assertThatThrownBy(() -> ReportExtractor.precheck(pages, DocumentLimits.DEFAULTS)).hasMessageContaining("1000 pages");
    }

    @Test
    void pdfsWithoutPagesOrTextOrWithTooManyObjectsAreRefused() {
        assertRefused(pdf(doc -> doc.addPage(new PDPage())), "no text layer");
        assertRefused(pdf(doc -> { }), "The PDF has no pages.");
        DocumentLimits fewObjects = new DocumentLimits(1000, 5, 200L << 20, 0.01, Duration.ofSeconds(20));
        byte[] ordinary = pdf(doc -> textPage(doc, "one page"));
        assertThatThrownBy(() -> new ReportExtractor(fewObjects).extract(ordinary, null))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageMatching("The PDF has \\d+ objects; at most 5 are read\\.");
    }

    @Test
    void aPdfWithTextButNoReportIsRefused() {
        assertRefused(pdf(doc -> textPage(doc, "Invoice 2024-117: 3 chairs, 2 tables")), "No report was found in the document");
    }

    // ---- Word ------------------------------------------------------------------------------------------

    private static final String DTD_XXE = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
    private static final String DTD_LAUGHS = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol9 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">]>";

    @Test
    void wordDocumentsDeclaringADtdAreRefusedAndNoEntityIsResolved() {
        for (String[] dtd : new String[][]{{DTD_XXE, "&xxe;"}, {DTD_LAUGHS, "&lol9;"}}) {
            byte[] hostile = rezip(docx("总体情况"), Map.of("word/document.xml", documentXml(dtd[0], dtd[1])));
            assertRefused(hostile, "The Word document's part word/document.xml declares a DTD (<!DOCTYPE>)");
            assertThatThrownBy(() -> ReportExtractor.precheck(hostile, DocumentLimits.DEFAULTS)).hasMessageContaining("DTD");
        }
    }

    @Test
    void aWordDocumentWithoutItsMainPartIsRefused() {
        Map<String, byte[]> remove = new LinkedHashMap<>();
        remove.put("word/document.xml", null);
        byte[] hollow = rezip(docx("总体情况"), remove);
        assertRefused(hollow, "The Word document has no main document part (word/document.xml)");
        assertThatThrownBy(() -> ReportExtractor.precheck(hollow, DocumentLimits.DEFAULTS)).hasMessageContaining("no main document part");
    }

    @Test
    void wordZipBombsAreRefused() {
        // beyond the limit in all: 300 MB of zeros in a part
        byte[] big = rezip(docx("总体情况"), Map.of("word/media/image1.bin", zeros(300 << 20)));
        assertThat(big.length).isLessThan(1 << 20);
        assertRefused(big, "The Word document's content expands beyond 200 MB");
        // within it, but compressed a thousandfold: POI's minimum inflate ratio
        byte[] dense = rezip(docx("总体情况"), Map.of("word/media/image1.bin", zeros(20 << 20)));
        assertRefused(dense, "expands more than 100 times its compressed size");
    }

    @Test
    void damagedZipsAndEmptyWordDocumentsAreRefused() {
        assertRefused("PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1), "The Word document");
        assertRefused(docx(), "No report was found in the document");
    }

    // ---- what must still be read -----------------------------------------------------------------------

    @Test
    void textWithoutAReportIsRefusedButAPartlyReadableReportIsRead() {
        assertThatThrownBy(() -> extractor.extract("Hello, this is not a report.".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageStartingWith("No report was found");
        String seed = Corpus.seed("000_27b80aaf8e404846");
        Report partial = extractor.extract(seed.substring(0, seed.indexOf("本年新收")).getBytes(StandardCharsets.UTF_8), null);
        assertThat(partial.active).isNotNull();
        assertThat(partial.applications).isNull();
    }

    @Test
    void anOrdinaryWordReportIsRead() {
        Report r = extractor.extract(docx("一、总体情况", "本机关2024年认真贯彻落实《中华人民共和国政府信息公开条例》。"), "r.docx");
        assertThat(r.sections.overview).contains("认真贯彻落实");
        assertThatCode(() -> ReportExtractor.precheck(docx("一、总体情况"), DocumentLimits.DEFAULTS)).doesNotThrowAnyException();
    }

    @Test
    void limitsComeFromConfigurationWithDefaults() {
        Map<String, String> config = Map.of(DocumentLimits.MAX_PAGES, "50", DocumentLimits.MAX_EXPANDED_SIZE, "10",
                DocumentLimits.DEADLINE, "1500ms");
        DocumentLimits limits = DocumentLimits.from(config::get);
        assertThat(limits).isEqualTo(new DocumentLimits(50, DocumentLimits.DEFAULTS.maxObjects(), 10L << 20,
                DocumentLimits.DEFAULTS.minInflateRatio(), Duration.ofMillis(1500)));
        assertThat(DocumentLimits.from(name -> null)).isEqualTo(DocumentLimits.DEFAULTS);
        assertThat(DocumentLimits.from(Map.of(DocumentLimits.DEADLINE, "PT1M")::get).deadline()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> DocumentLimits.from(Map.of(DocumentLimits.MAX_PAGES, "many")::get))
                .hasMessageContaining(DocumentLimits.MAX_PAGES);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private void assertRefused(byte[] document, String reason) {
        assertRefused(extractor, document, reason);
    }

    private static void assertRefused(ReportExtractor extractor, byte[] document, String reason) {
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> extractor.extract(document, null))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining(reason));
    }

    private static byte[] pdf(ThrowingConsumer<PDDocument> build) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            build.accept(doc);
            doc.save(out);
            return out.toByteArray();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void textPage(PDDocument doc, String text) throws IOException {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(72, 700);
            content.showText(text);
            content.endText();
        }
    }

    /** A stream holding {@code size} spaces, Flate-compressed as it is written (never whole in memory). */
    private static COSStream flate(PDDocument doc, long size) throws IOException {
        COSStream stream = doc.getDocument().createCOSStream();
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        try (OutputStream raw = stream.createRawOutputStream()) {
            deflate(raw, size);
        }
        return stream;
    }

    private static void deflate(OutputStream out, long size) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 1 << 16);
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        for (long written = 0; written < size; written += spaces.length) {
            z.write(spaces);
        }
        z.finish();
        deflater.end();
    }

    private static byte[] zeros(int size) {
        return new byte[size];
    }

    private static byte[] docx(String... paragraphs) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] documentXml(String doctype, String text) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + doctype
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                + text + "</w:t></w:r></w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8);
    }

    /** The zip with entries replaced, added or (mapped to null) removed. */
    private static byte[] rezip(byte[] zip, Map<String, byte[]> changes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
            changes.forEach((name, content) -> {
                if (content == null) {
                    entries.remove(name);
                } else {
                    entries.put(name, content);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                z.setLevel(Deflater.BEST_COMPRESSION);
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    z.putNextEntry(new ZipEntry(e.getKey()));
                    z.write(e.getValue());
                    z.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
