package org.nianbao.intake.service;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.nianbao.extraction.DocumentLimits;
import org.nianbao.web.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentCheckTest {
    private static final byte[] TEXT = "洪泽区人民政府2023年政府信息公开工作年度报告".getBytes(StandardCharsets.UTF_8);
    private static final byte[] REPORT = "洪泽区人民政府2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本机关认真贯彻落实《条例》。\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void recognisesEachSupportedTypeFromItsContent() {
        assertThat(DocumentCheck.check("%PDF-1.7\n...".getBytes(StandardCharsets.ISO_8859_1), "report.pdf")).isEqualTo("pdf");
        assertThat(DocumentCheck.check(TEXT, "report.txt")).isEqualTo("text");
        assertThat(DocumentCheck.check(TEXT, null)).isEqualTo("text");
        byte[] docx = "PK\u0003\u0004....word/document.xml".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(DocumentCheck.check(docx, "report.docx")).isEqualTo("docx");
    }

    @Test
    void acceptsGbkText() {
        byte[] gbk = "洪泽区人民政府2023年政府信息公开工作年度报告".getBytes(Charset.forName("GBK"));
        assertThat(DocumentCheck.check(gbk, "report.txt")).isEqualTo("text");
    }

    @Test
    void rejectsEmptyOversizedUnsupportedAndMislabelledDocuments() {
        assertThatThrownBy(() -> DocumentCheck.check(new byte[0], "a.txt"))
                .isInstanceOf(ProblemException.class).hasMessage("The document is empty.");
        assertThatThrownBy(() -> DocumentCheck.check(new byte[(int) DocumentCheck.MAX_BYTES + 1], "a.txt"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> DocumentCheck.check(TEXT, "report.xls"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(415))
                .hasMessageContaining(".txt, .html, .docx or .pdf");
        assertThatThrownBy(() -> DocumentCheck.check(TEXT, "report.pdf"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(415))
                .hasMessageContaining("named .pdf but its content is text");
        byte[] zip = "PK\u0003\u0004....other.bin".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> DocumentCheck.check(zip, "a.zip"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(415));
    }

    @Test
    void documentsThatCannotBeReadAreRefusedWithTheReason() {
        assertUnreadable(pdf(doc -> {
            doc.addPage(new PDPage());
            doc.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
        }), "pdf", "The PDF is encrypted with a password");
        assertUnreadable(pdf(doc -> {
            for (int i = 0; i < 1001; i++) {
                doc.addPage(new PDPage());
            }
        }), "pdf", "The PDF has more than 1000 pages");
        assertUnreadable("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1), "pdf", "The PDF is damaged or incomplete");
        assertUnreadable(docx("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>"),
                "docx", "declares a DTD");
        assertUnreadable(TEXT, "text", "No report was found in the document");
        assertUnreadable("<html><body><p>Page not found</p></body></html>".getBytes(StandardCharsets.UTF_8), "text",
                "No report was found");
    }

    @Test
    void aReportPassesAndSoDoesAPdfWhoseTextIsOnlyReadByExtraction() {
        DocumentCheck.readable(REPORT, "text", DocumentLimits.DEFAULTS);
        // one page and nothing else: whether it has text is for extraction to find out, not worth reading here
        DocumentCheck.readable(pdf(doc -> doc.addPage(new PDPage())), "pdf", DocumentLimits.DEFAULTS);
    }

    private static void assertUnreadable(byte[] content, String type, String reason) {
        assertThatThrownBy(() -> DocumentCheck.readable(content, type, DocumentLimits.DEFAULTS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessageContaining(reason);
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

    /** A Word document whose main part is the given XML. */
    private static byte[] docx(String documentXml) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream plain = new ByteArrayOutputStream()) {
            doc.write(plain);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain.toByteArray()));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    zip.write(e.getName().equals("word/document.xml") ? documentXml.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
